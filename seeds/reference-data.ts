// Reference data from the documents in shared/reference and DOMAIN.md. Figures here are real unless
// marked `isDemoFigure`, which the portal shows as a demo figure wherever it appears.

/** The 32 London boroughs within MOPAC's LCPF (the City of London, E09000001, has its own police). */
export const BOROUGHS: ReadonlyArray<{ gssCode: string; name: string }> = [
  { gssCode: "E09000002", name: "Barking and Dagenham" },
  { gssCode: "E09000003", name: "Barnet" },
  { gssCode: "E09000004", name: "Bexley" },
  { gssCode: "E09000005", name: "Brent" },
  { gssCode: "E09000006", name: "Bromley" },
  { gssCode: "E09000007", name: "Camden" },
  { gssCode: "E09000008", name: "Croydon" },
  { gssCode: "E09000009", name: "Ealing" },
  { gssCode: "E09000010", name: "Enfield" },
  { gssCode: "E09000011", name: "Greenwich" },
  { gssCode: "E09000012", name: "Hackney" },
  { gssCode: "E09000013", name: "Hammersmith and Fulham" },
  { gssCode: "E09000014", name: "Haringey" },
  { gssCode: "E09000015", name: "Harrow" },
  { gssCode: "E09000016", name: "Havering" },
  { gssCode: "E09000017", name: "Hillingdon" },
  { gssCode: "E09000018", name: "Hounslow" },
  { gssCode: "E09000019", name: "Islington" },
  { gssCode: "E09000020", name: "Kensington and Chelsea" },
  { gssCode: "E09000021", name: "Kingston upon Thames" },
  { gssCode: "E09000022", name: "Lambeth" },
  { gssCode: "E09000023", name: "Lewisham" },
  { gssCode: "E09000024", name: "Merton" },
  { gssCode: "E09000025", name: "Newham" },
  { gssCode: "E09000026", name: "Redbridge" },
  { gssCode: "E09000027", name: "Richmond upon Thames" },
  { gssCode: "E09000028", name: "Southwark" },
  { gssCode: "E09000029", name: "Sutton" },
  { gssCode: "E09000030", name: "Tower Hamlets" },
  { gssCode: "E09000031", name: "Waltham Forest" },
  { gssCode: "E09000032", name: "Wandsworth" },
  { gssCode: "E09000033", name: "Westminster" },
];

export const MOPAC = { name: "Mayor's Office for Policing and Crime" };

/** Joint bidders named in MOPAC decision DMPCD 2015 96. */
export const PARTNERSHIPS: ReadonlyArray<{ name: string; memberGssCodes: string[] }> = [
  { name: "Tri-borough", memberGssCodes: ["E09000013", "E09000020", "E09000033"] },
  { name: "Richmond/Kingston", memberGssCodes: ["E09000027", "E09000021"] },
];

/** The five Police and Crime Plan 2017-21 priorities, in the plan's order. */
export const PRIORITIES: ReadonlyArray<{ code: string; name: string }> = [
  { code: "neighbourhood-policing", name: "Neighbourhood Policing" },
  { code: "children-young-people", name: "Children and Young People" },
  { code: "vawg", name: "Violence Against Women and Girls" },
  { code: "hate-crime-extremism", name: "Hate Crime and Extremism" },
  { code: "wider-criminal-justice", name: "Wider Criminal Justice" },
];

const CYP = "Keeping children and young people safe";
const VAWG = "Tackling violence against women and girls";
const HATE = "Standing together against extremism, hatred and intolerance";
const LOCAL = "Local priorities";

/**
 * Measures of success from the CSP report, section 6.2 (mandatory) and the local priorities. Where the
 * report asks victims to "come forward and report", the name keeps its words: reporting is the measure.
 */
export const MEASURES: ReadonlyArray<{ code: string; group: string; name: string; mandatory: boolean }> = [
  { code: "cyp-young-victims", group: CYP, name: "Reduce the number of young victims of crime", mandatory: true },
  {
    code: "cyp-first-time-entrants",
    group: CYP,
    name: "Reduce first time entrants to the criminal justice system",
    mandatory: true,
  },
  { code: "cyp-knife-crime", group: CYP, name: "Reduce knife crime (volume and repeat victims)", mandatory: true },
  { code: "cyp-gun-crime", group: CYP, name: "Reduce gun crime, including discharges", mandatory: true },
  {
    code: "cyp-serious-youth-violence",
    group: CYP,
    name: "Reduce serious youth violence (volume and repeat victims)",
    mandatory: true,
  },
  {
    code: "cyp-cse-reporting",
    group: CYP,
    name: "Encourage more victims of child sexual exploitation to come forward and report",
    mandatory: true,
  },
  {
    code: "vawg-domestic-abuse",
    group: VAWG,
    name: "More victims of domestic abuse come forward, fewer repeat victims",
    mandatory: true,
  },
  {
    code: "vawg-sexual-abuse",
    group: VAWG,
    name: "More victims of sexual abuse come forward, fewer repeat victims",
    mandatory: true,
  },
  {
    code: "vawg-harmful-practices",
    group: VAWG,
    name: "Encourage more victims of harmful practices (FGM, honour based violence, forced marriage) to come forward and report",
    mandatory: true,
  },
  {
    code: "vawg-attrition",
    group: VAWG,
    name: "Reduce attrition of VAWG cases through the criminal justice process",
    mandatory: true,
  },
  {
    code: "hate-reporting",
    group: HATE,
    name: "Encourage more victims of hate crime to come forward and report",
    mandatory: true,
  },
  { code: "hate-repeat-victims", group: HATE, name: "Reduce repeat victimisation", mandatory: true },
  { code: "hate-attrition", group: HATE, name: "Reduce attrition of hate crime cases", mandatory: true },
  { code: "hate-satisfaction", group: HATE, name: "Improve hate crime victims' satisfaction", mandatory: true },
  {
    code: "local-volume-crime",
    group: LOCAL,
    name: "Local volume crime priorities agreed with MOPAC and the police",
    mandatory: false,
  },
  { code: "local-asb", group: LOCAL, name: "Anti-social behaviour", mandatory: false },
];

/** LCPF 2017-21: four financial years in two periods; 30% co-commissioned from the second year. */
export const LCPF_2017_21 = {
  name: "London Crime Prevention Fund 2017-21",
  coCommissionedPercent: 30,
  splitFromYearPosition: 2,
  proposalDeadline: "2016-12-23",
  feedbackDeadline: "2017-02-23",
  periods: [
    { number: 1, name: "Period 1 (2017/18 and 2018/19)" },
    { number: 2, name: "Period 2 (2019/20 and 2020/21)" },
  ],
  years: [
    { position: 1, period: 1, label: "2017/18", startsOn: "2017-04-01", endsOn: "2018-03-31" },
    { position: 2, period: 1, label: "2018/19", startsOn: "2018-04-01", endsOn: "2019-03-31" },
    { position: 3, period: 2, label: "2019/20", startsOn: "2019-04-01", endsOn: "2020-03-31" },
    { position: 4, period: 2, label: "2020/21", startsOn: "2020-04-01", endsOn: "2021-03-31" },
  ],
} as const;

export const ALLOCATIONS: ReadonlyArray<{
  gssCode: string;
  year: string;
  amountPence: number;
  upliftPence: number | null;
  isDemoFigure: boolean;
  source: string;
}> = [
  {
    gssCode: "E09000002",
    year: "2017/18",
    amountPence: 644_000_00,
    upliftPence: 241_000_00,
    isDemoFigure: false,
    source: "Barking and Dagenham CSP report, 7 February 2017, paragraph 2.5",
  },
  {
    gssCode: "E09000002",
    year: "2018/19",
    amountPence: 644_000_00,
    upliftPence: null,
    isDemoFigure: true,
    source: "Demo figure: the CSP report gives no 2018/19 allocation and illustrates the 30% pot on 2017/18's",
  },
  {
    gssCode: "E09000006",
    year: "2017/18",
    amountPence: 401_731_00,
    upliftPence: null,
    isDemoFigure: false,
    // Bromley's 2018/19 figure (£241,699) is left out on purpose: its committee papers call it indicative
    // and already net of the 30% co-commissioning top slice, so stored as an allocation it would be split
    // a second time. An allocation is the whole figure before the split.
    source: "Bromley committee papers, 29 November 2016",
  },
];
