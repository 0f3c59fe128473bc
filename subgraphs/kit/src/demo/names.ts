/** The nationalities of the demo population, as ISO 3166-1 alpha-2 (Kosovo: the user-assigned 'XK' the BAMF uses). */
export type DemoNationality = 'SY' | 'IQ' | 'AF' | 'ER' | 'IR' | 'AL' | 'XK' | 'RS' | 'PK' | 'NG' | 'SO';

export interface NameLists {
  readonly male: readonly string[];
  readonly female: readonly string[];
  /** For patronymic cultures (Eritrea, Somalia) this is the father's given name as entered in the papers. */
  readonly surnames: readonly string[];
}

// Spelled as German offices transliterated them from passports, so several spellings of one name coexist.
// A data table: one line per list, which Prettier would split into a line per name (880 more lines).
// prettier-ignore
export const NAMES: Readonly<Record<DemoNationality, NameLists>> = {
  SY: {
    male: ['Mohammad', 'Ahmad', 'Mahmoud', 'Khaled', 'Omar', 'Ali', 'Hassan', 'Hussein', 'Abdullah', 'Yousef', 'Ibrahim', 'Mustafa', 'Rami', 'Samer', 'Tarek', 'Walid', 'Fadi', 'Anas', 'Hamza', 'Amer', 'Bilal', 'Majd', 'Firas', 'Ayham', 'Kawa', 'Rezan', 'Shiar'],
    female: ['Fatima', 'Aisha', 'Mariam', 'Noor', 'Rania', 'Hala', 'Lina', 'Rasha', 'Reem', 'Sara', 'Amal', 'Yasmin', 'Huda', 'Samira', 'Dima', 'Ghada', 'Layla', 'Nisreen', 'Zainab', 'Ruba', 'Asmaa', 'Heba', 'Bushra', 'Rojin', 'Berivan'],
    surnames: ['Al-Hassan', 'Al-Ahmad', 'Al-Mohammad', 'Al-Ali', 'Al-Khatib', 'Haddad', 'Al-Hamwi', 'Al-Halabi', 'Khalil', 'Ibrahim', 'Mustafa', 'Darwish', 'Al-Shami', 'Hamdan', 'Suleiman', 'Othman', 'Al-Masri', 'Kanaan', 'Al-Omar', 'Youssef', 'Abdo', 'Sheikho', 'Al-Zoubi', 'Hussein'],
  },
  IQ: {
    male: ['Ali', 'Hussein', 'Mohammed', 'Haider', 'Mustafa', 'Ahmed', 'Abbas', 'Karrar', 'Murtadha', 'Sajjad', 'Omar', 'Zaid', 'Ammar', 'Saif', 'Yasir', 'Hasan', 'Qasim', 'Azad', 'Dilshad', 'Rebwar', 'Shwan'],
    female: ['Zahraa', 'Fatima', 'Maryam', 'Noor', 'Zainab', 'Hawraa', 'Shahad', 'Rusul', 'Duaa', 'Sura', 'Huda', 'Israa', 'Ruqaya', 'Nasreen', 'Shilan', 'Avin', 'Sazan', 'Hana'],
    surnames: ['Al-Jubouri', 'Al-Dulaimi', 'Al-Obaidi', 'Al-Saadi', 'Al-Rubaie', 'Al-Tamimi', 'Al-Musawi', 'Al-Khafaji', 'Al-Shammari', 'Al-Zubaidi', 'Al-Bayati', 'Kareem', 'Jabbar', 'Hamid', 'Abdulrahman', 'Ahmed', 'Rashid', 'Mahmood', 'Qadir', 'Salih', 'Aziz'],
  },
  AF: {
    male: ['Mohammad', 'Ahmad', 'Ali', 'Hamid', 'Mustafa', 'Reza', 'Jawad', 'Naqibullah', 'Zabihullah', 'Rahmatullah', 'Sayed', 'Farid', 'Nasir', 'Karim', 'Wahid', 'Samiullah', 'Habib', 'Jamshid', 'Mahdi', 'Hussain', 'Ramin', 'Shafiq', 'Omid', 'Bashir'],
    female: ['Fatima', 'Maryam', 'Zahra', 'Shabnam', 'Farzana', 'Marzia', 'Mina', 'Soraya', 'Parwana', 'Lida', 'Fariba', 'Masooma', 'Nargis', 'Roya', 'Zarghona', 'Malalai', 'Gulalai', 'Khadija', 'Sakina', 'Sima'],
    surnames: ['Ahmadi', 'Hashimi', 'Rahimi', 'Mohammadi', 'Hussaini', 'Sultani', 'Jafari', 'Noori', 'Karimi', 'Wardak', 'Popal', 'Stanikzai', 'Safi', 'Amiri', 'Haidari', 'Rezaie', 'Sadat', 'Azizi', 'Habibi', 'Nazari', 'Akbari', 'Qaderi'],
  },
  ER: {
    male: ['Yonas', 'Tesfay', 'Dawit', 'Samuel', 'Yohannes', 'Mehari', 'Filmon', 'Biniam', 'Semere', 'Habtom', 'Kidane', 'Tekle', 'Berhane', 'Amanuel', 'Efrem', 'Merhawi', 'Mussie', 'Robel', 'Teklit', 'Henok', 'Goitom', 'Ermias', 'Abraham'],
    female: ['Senait', 'Helen', 'Selam', 'Rahel', 'Yordanos', 'Saba', 'Feven', 'Eden', 'Luwam', 'Mebrat', 'Tsega', 'Hiwet', 'Winta', 'Aster', 'Almaz', 'Miriam', 'Freweini', 'Ruta', 'Semhar', 'Lidia'],
    surnames: ['Tesfamariam', 'Gebremedhin', 'Tekle', 'Haile', 'Berhe', 'Ghebreyesus', 'Kidane', 'Mehari', 'Abraha', 'Woldu', 'Habte', 'Ghirmay', 'Andemariam', 'Tesfay', 'Yemane', 'Russom', 'Negash', 'Asfaha', 'Zerai', 'Weldemichael', 'Hagos'],
  },
  IR: {
    male: ['Mohammad', 'Ali', 'Reza', 'Hossein', 'Mehdi', 'Amir', 'Hamid', 'Saeed', 'Majid', 'Behnam', 'Babak', 'Arash', 'Farhad', 'Kaveh', 'Omid', 'Peyman', 'Navid', 'Milad', 'Pouya', 'Shahram', 'Dariush', 'Ehsan', 'Masoud', 'Vahid'],
    female: ['Maryam', 'Zahra', 'Fatemeh', 'Sara', 'Narges', 'Leila', 'Shirin', 'Mahsa', 'Neda', 'Parisa', 'Elham', 'Nazanin', 'Somayeh', 'Samira', 'Azadeh', 'Mina', 'Golnaz', 'Roya', 'Sepideh', 'Negin'],
    surnames: ['Mohammadi', 'Hosseini', 'Ahmadi', 'Rezaei', 'Karimi', 'Moradi', 'Jafari', 'Rahimi', 'Sadeghi', 'Hashemi', 'Ghasemi', 'Akbari', 'Shirazi', 'Tehrani', 'Kazemi', 'Farahani', 'Ebrahimi', 'Bagheri', 'Amini', 'Najafi'],
  },
  AL: {
    male: ['Arben', 'Artan', 'Besnik', 'Dritan', 'Erion', 'Gentian', 'Ilir', 'Klodian', 'Ledio', 'Mario', 'Altin', 'Fatjon', 'Elton', 'Gezim', 'Flamur', 'Endrit', 'Kristi', 'Sokol', 'Bledar', 'Ardit', 'Armando', 'Jurgen', 'Edmond'],
    female: ['Anila', 'Arjola', 'Blerta', 'Elona', 'Ermira', 'Fatbardha', 'Klaudia', 'Lindita', 'Mirela', 'Rozana', 'Silvana', 'Valbona', 'Eriola', 'Jonida', 'Alketa', 'Dorina', 'Entela', 'Esmeralda', 'Greta', 'Xhesika', 'Manjola'],
    surnames: ['Hoxha', 'Shehu', 'Dervishi', 'Cela', 'Kola', 'Leka', 'Marku', 'Prifti', 'Muca', 'Hasani', 'Lika', 'Mema', 'Dedja', 'Gjoka', 'Bregu', 'Tafa', 'Zeneli', 'Basha', 'Berisha', 'Kurti'],
  },
  XK: {
    male: ['Agon', 'Arber', 'Bekim', 'Besart', 'Burim', 'Driton', 'Fatmir', 'Florent', 'Granit', 'Kushtrim', 'Liridon', 'Mentor', 'Valon', 'Visar', 'Shkelzen', 'Ramadan', 'Faton', 'Arianit', 'Blerim', 'Naim', 'Adem', 'Labinot', 'Bajram', 'Sabit'],
    female: ['Arta', 'Blerina', 'Drita', 'Fjolla', 'Kaltrina', 'Lirije', 'Mimoza', 'Shqipe', 'Teuta', 'Valdete', 'Vjosa', 'Albina', 'Besa', 'Donika', 'Edona', 'Flutura', 'Liridona', 'Merita', 'Nora', 'Qendresa', 'Shpresa', 'Vlora'],
    surnames: ['Krasniqi', 'Gashi', 'Berisha', 'Morina', 'Shala', 'Hoti', 'Bytyqi', 'Kastrati', 'Hyseni', 'Rexhepi', 'Ahmeti', 'Musliu', 'Kryeziu', 'Sylejmani', 'Halimi', 'Osmani', 'Hajdari', 'Bajrami', 'Zeqiri', 'Ismaili', 'Avdiu'],
  },
  // Many applicants from Serbia in 2015 were Roma or Bosniaks from the Sandzak, hence the mixed lists.
  RS: {
    male: ['Dragan', 'Nenad', 'Zoran', 'Goran', 'Dejan', 'Milan', 'Sasa', 'Bojan', 'Marko', 'Nikola', 'Stefan', 'Ivan', 'Dusan', 'Bajram', 'Ramiz', 'Dzemal', 'Senad', 'Elvis', 'Mustafa', 'Ljubisa', 'Srdjan', 'Mirsad', 'Emir'],
    female: ['Jelena', 'Marija', 'Ivana', 'Snezana', 'Dragana', 'Biljana', 'Milica', 'Jovana', 'Vesna', 'Gordana', 'Sanja', 'Suzana', 'Zorica', 'Ljiljana', 'Fatima', 'Elvira', 'Mirsada', 'Senada', 'Sabina', 'Medina', 'Violeta', 'Dijana'],
    surnames: ['Jovanovic', 'Petrovic', 'Nikolic', 'Markovic', 'Djordjevic', 'Stojanovic', 'Ilic', 'Stankovic', 'Pavlovic', 'Ristic', 'Mitrovic', 'Demirovic', 'Ramadanovic', 'Bajramovic', 'Mustafic', 'Osmanovic', 'Hasanovic', 'Ljajic', 'Dzaferovic', 'Alijevic', 'Selimovic'],
  },
  PK: {
    male: ['Muhammad', 'Ahmed', 'Ali', 'Imran', 'Bilal', 'Usman', 'Hamza', 'Faisal', 'Asif', 'Kashif', 'Zeeshan', 'Waqas', 'Adnan', 'Shahid', 'Tariq', 'Naveed', 'Arslan', 'Irfan', 'Junaid', 'Salman', 'Kamran', 'Rizwan', 'Umar', 'Sajid'],
    female: ['Ayesha', 'Fatima', 'Sana', 'Saima', 'Nadia', 'Rabia', 'Amna', 'Hina', 'Sadia', 'Mehwish', 'Farah', 'Nazia', 'Shazia', 'Uzma', 'Kiran', 'Sumaira', 'Bushra', 'Iqra', 'Zainab', 'Samina'],
    surnames: ['Khan', 'Ahmed', 'Ali', 'Hussain', 'Malik', 'Butt', 'Chaudhry', 'Qureshi', 'Sheikh', 'Mirza', 'Iqbal', 'Akhtar', 'Raza', 'Shah', 'Bhatti', 'Javed', 'Aslam', 'Rana', 'Abbasi', 'Siddiqui', 'Anwar'],
  },
  NG: {
    male: ['Chinedu', 'Emeka', 'Ikechukwu', 'Oluwaseun', 'Babatunde', 'Tunde', 'Segun', 'Chukwuemeka', 'Obinna', 'Uche', 'Godwin', 'Samuel', 'Daniel', 'Emmanuel', 'Friday', 'Sunday', 'Victor', 'Osaze', 'Kingsley', 'Ibrahim', 'Abubakar', 'Musa', 'Yusuf'],
    female: ['Blessing', 'Chioma', 'Ngozi', 'Adaeze', 'Funmilayo', 'Folake', 'Precious', 'Joy', 'Favour', 'Gift', 'Esther', 'Grace', 'Mercy', 'Ivie', 'Aisha', 'Hauwa', 'Amina', 'Patience', 'Princess', 'Ifeoma', 'Nkechi'],
    surnames: ['Okafor', 'Okonkwo', 'Eze', 'Nwosu', 'Obi', 'Adeyemi', 'Ogunleye', 'Adebayo', 'Oladipo', 'Balogun', 'Osagie', 'Igbinedion', 'Omoregie', 'Uwaifo', 'Ibrahim', 'Bello', 'Abubakar', 'Okeke', 'Nwachukwu', 'Ehigiator', 'Aigbe'],
  },
  SO: {
    male: ['Abdirahman', 'Abdullahi', 'Mohamed', 'Ahmed', 'Hassan', 'Hussein', 'Abdi', 'Ali', 'Omar', 'Yusuf', 'Ismail', 'Farah', 'Abdikadir', 'Abdiaziz', 'Said', 'Mahad', 'Liban', 'Bashir', 'Khalid', 'Osman', 'Jama', 'Dahir', 'Nur', 'Aden'],
    female: ['Fadumo', 'Amina', 'Hodan', 'Sahra', 'Hawa', 'Asha', 'Ifrah', 'Ubah', 'Halima', 'Khadra', 'Sagal', 'Hibo', 'Nimco', 'Ruqiya', 'Zamzam', 'Ayan', 'Deeqa', 'Fartun', 'Maryan', 'Nasra', 'Idil'],
    surnames: ['Mohamed', 'Ahmed', 'Hassan', 'Abdi', 'Ali', 'Omar', 'Yusuf', 'Warsame', 'Farah', 'Jama', 'Nur', 'Aden', 'Osman', 'Ismail', 'Abdullahi', 'Dahir', 'Hirsi', 'Mohamud', 'Isse', 'Guled', 'Egal', 'Elmi'],
  },
};

// Demographic facts per nationality, as the BAMF statistics for 2015 describe them.
export type Weights<T> = readonly (readonly [T, number])[];
export type Speed = 'FAST' | 'MID' | 'SAFE' | 'SLOW';

export interface NationalityProfile {
  readonly share: number;
  readonly sprachen: Weights<string>;
  readonly speed: Speed;
  /** Share of BAMF decisions granting protection, roughly the 2015 Gesamtschutzquote. */
  readonly recognition: number;
  /** KEINE, BERUFSERFAHRUNG, BERUFSAUSBILDUNG, STUDIUM. */
  readonly qualifikation: readonly [number, number, number, number];
  /** SINGLE, FAMILY, SINGLE_PARENT, COUPLE. */
  readonly kinds: readonly [number, number, number, number];
  /** SHARED: the family carries one surname; WIFE_KEEPS: so does everyone but the wife; PATRONYMIC: children carry the father's given name. */
  readonly naming: 'SHARED' | 'WIFE_KEEPS' | 'PATRONYMIC';
  /** Entry weights January to December 2015. */
  readonly months2015: readonly number[];
}

const BALKAN_ROUTE = [2, 2, 2, 3, 3, 4, 6, 11, 17, 20, 14, 8];
const MEDITERRANEAN = [2, 2, 3, 4, 8, 12, 14, 14, 12, 10, 8, 4];
const ACADEMIC = [26, 32, 18, 24] as const;
const RURAL = [45, 35, 13, 7] as const;
const VOCATIONAL = [38, 38, 20, 4] as const;
const MIXED = [42, 40, 10, 8] as const;
const FAMILIES = [25, 55, 10, 10] as const;
const SINGLES = [60, 25, 8, 7] as const;

export const PROFILES: Readonly<Record<DemoNationality, NationalityProfile>> = {
  SY: {
    share: 38,
    sprachen: [
      ['ar', 85],
      ['ku', 15],
    ],
    speed: 'FAST',
    recognition: 0.97,
    qualifikation: ACADEMIC,
    kinds: MIXED,
    naming: 'WIFE_KEEPS',
    months2015: BALKAN_ROUTE,
  },
  IQ: {
    share: 9,
    sprachen: [
      ['ar', 60],
      ['ku', 40],
    ],
    speed: 'FAST',
    recognition: 0.85,
    qualifikation: [33, 35, 18, 14],
    kinds: MIXED,
    naming: 'WIFE_KEEPS',
    months2015: BALKAN_ROUTE,
  },
  AF: {
    share: 10,
    sprachen: [
      ['fa', 65],
      ['ps', 35],
    ],
    speed: 'SLOW',
    recognition: 0.5,
    qualifikation: RURAL,
    kinds: SINGLES,
    naming: 'WIFE_KEEPS',
    months2015: BALKAN_ROUTE,
  },
  ER: {
    share: 6,
    sprachen: [['ti', 1]],
    speed: 'FAST',
    recognition: 0.93,
    qualifikation: RURAL,
    kinds: SINGLES,
    naming: 'PATRONYMIC',
    months2015: MEDITERRANEAN,
  },
  IR: {
    share: 4,
    sprachen: [['fa', 1]],
    speed: 'MID',
    recognition: 0.6,
    qualifikation: ACADEMIC,
    kinds: MIXED,
    naming: 'WIFE_KEEPS',
    months2015: BALKAN_ROUTE,
  },
  AL: {
    share: 10,
    sprachen: [['sq', 1]],
    speed: 'SAFE',
    recognition: 0.01,
    qualifikation: VOCATIONAL,
    kinds: FAMILIES,
    naming: 'SHARED',
    months2015: [4, 4, 4, 6, 8, 10, 13, 14, 13, 10, 7, 4],
  },
  // The Kosovo exodus peaked in January and February 2015.
  XK: {
    share: 6,
    sprachen: [
      ['sq', 90],
      ['sr', 10],
    ],
    speed: 'SAFE',
    recognition: 0.01,
    qualifikation: VOCATIONAL,
    kinds: FAMILIES,
    naming: 'SHARED',
    months2015: [30, 30, 12, 4, 3, 3, 3, 3, 3, 3, 3, 2],
  },
  RS: {
    share: 5,
    sprachen: [['sr', 1]],
    speed: 'SAFE',
    recognition: 0.01,
    qualifikation: VOCATIONAL,
    kinds: FAMILIES,
    naming: 'SHARED',
    months2015: [6, 6, 6, 6, 6, 8, 10, 12, 12, 10, 8, 6],
  },
  PK: {
    share: 4,
    sprachen: [
      ['ur', 85],
      ['ps', 15],
    ],
    speed: 'SLOW',
    recognition: 0.15,
    qualifikation: [35, 38, 17, 10],
    kinds: SINGLES,
    naming: 'WIFE_KEEPS',
    months2015: BALKAN_ROUTE,
  },
  NG: {
    share: 4,
    sprachen: [['en', 1]],
    speed: 'SLOW',
    recognition: 0.15,
    qualifikation: [35, 38, 17, 10],
    kinds: SINGLES,
    naming: 'SHARED',
    months2015: MEDITERRANEAN,
  },
  SO: {
    share: 4,
    sprachen: [['so', 1]],
    speed: 'SLOW',
    recognition: 0.7,
    qualifikation: RURAL,
    kinds: SINGLES,
    naming: 'PATRONYMIC',
    months2015: MEDITERRANEAN,
  },
};
export const NATIONALITY_SHARES = Object.entries(PROFILES).map(
  ([code, profile]) => [code as DemoNationality, profile.share] as const,
);
export const SAFE_ORIGIN: ReadonlySet<DemoNationality> = new Set<DemoNationality>(['AL', 'XK', 'RS']);
export const ENTRY_YEARS: Weights<number> = [
  [2012, 1],
  [2013, 3],
  [2014, 11],
  [2015, 85],
];
// Western Balkan applications had been rising since 2013, well before the 2015 peak.
export const BALKAN_YEARS: Weights<number> = [
  [2013, 5],
  [2014, 20],
  [2015, 75],
];

export interface DemoCity {
  readonly wohnort: string;
  /** The Agentur für Arbeit whose district covers the city. */
  readonly agenturbezirk: string;
  /** Rough share of the refugees allotted to NRW municipalities (Königsteiner Schlüssel within the Land). */
  readonly weight: number;
  /** Weight as an initial reception site (Erstaufnahmeeinrichtung or emergency shelter of the Land); 0 if none. */
  readonly erstaufnahme: number;
}

export const NRW_CITIES: readonly DemoCity[] = [
  { wohnort: 'Köln', agenturbezirk: 'Köln', weight: 10, erstaufnahme: 1 },
  { wohnort: 'Düsseldorf', agenturbezirk: 'Düsseldorf', weight: 7, erstaufnahme: 1 },
  { wohnort: 'Dortmund', agenturbezirk: 'Dortmund', weight: 7, erstaufnahme: 4 },
  { wohnort: 'Essen', agenturbezirk: 'Essen', weight: 7, erstaufnahme: 2 },
  { wohnort: 'Duisburg', agenturbezirk: 'Duisburg', weight: 6, erstaufnahme: 0 },
  { wohnort: 'Bochum', agenturbezirk: 'Bochum', weight: 4, erstaufnahme: 0 },
  { wohnort: 'Herne', agenturbezirk: 'Bochum', weight: 2, erstaufnahme: 0 },
  { wohnort: 'Münster', agenturbezirk: 'Münster', weight: 4, erstaufnahme: 0 },
  { wohnort: 'Bielefeld', agenturbezirk: 'Bielefeld', weight: 4, erstaufnahme: 3 },
  { wohnort: 'Gütersloh', agenturbezirk: 'Bielefeld', weight: 2, erstaufnahme: 0 },
  { wohnort: 'Gelsenkirchen', agenturbezirk: 'Gelsenkirchen', weight: 3, erstaufnahme: 0 },
  { wohnort: 'Bottrop', agenturbezirk: 'Gelsenkirchen', weight: 2, erstaufnahme: 0 },
  { wohnort: 'Herford', agenturbezirk: 'Herford', weight: 2, erstaufnahme: 0 },
  { wohnort: 'Minden', agenturbezirk: 'Herford', weight: 2, erstaufnahme: 0 },
  { wohnort: 'Bad Oeynhausen', agenturbezirk: 'Herford', weight: 1, erstaufnahme: 0 },
  { wohnort: 'Oberhausen', agenturbezirk: 'Oberhausen', weight: 3, erstaufnahme: 0 },
  { wohnort: 'Mülheim an der Ruhr', agenturbezirk: 'Oberhausen', weight: 2, erstaufnahme: 0 },
  { wohnort: 'Recklinghausen', agenturbezirk: 'Recklinghausen', weight: 2, erstaufnahme: 0 },
  { wohnort: 'Marl', agenturbezirk: 'Recklinghausen', weight: 1, erstaufnahme: 0 },
  { wohnort: 'Gladbeck', agenturbezirk: 'Recklinghausen', weight: 1, erstaufnahme: 0 },
  { wohnort: 'Castrop-Rauxel', agenturbezirk: 'Recklinghausen', weight: 1, erstaufnahme: 0 },
];
