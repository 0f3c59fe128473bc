export { findBinaries, SUPPORTED_PLATFORMS } from './binaries.ts';
export { HOST, startCluster, type ClusterOptions, type RunningCluster } from './cluster.ts';
export { oldPgliteFolders } from './old-pglite.ts';
export { newPartnerPasswords, partnerUrl, preparePartnerDatabases } from './partner-databases.ts';
// The launcher reads its settings from here, without loading the whole kit (Apollo, GraphQL) into its process.
export { embeddedClusterConfig, projectRoot } from '../config.ts';
