export { findBinaries, SUPPORTED_PLATFORMS } from './binaries.ts';
export { HOST, startCluster, type ClusterOptions, type RunningCluster } from './cluster.ts';
export { oldPgliteFolders } from './old-pglite.ts';
export { preparePartnerDatabases } from './partner-databases.ts';
