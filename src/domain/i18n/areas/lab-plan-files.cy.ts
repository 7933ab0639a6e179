import type { labPlanFilesEn } from './lab-plan-files.en'

/** Ffeiliau’r cynllun: the EOI Word file's and the budget CSV's fixed words, in Welsh. */
export const labPlanFilesCy: Readonly<Record<keyof typeof labPlanFilesEn, string>> = {
  'labPlan.eoiFile.title': 'Datganiad o Ddiddordeb: {name}',
  'labPlan.eoiFile.nameAndJobTitle': 'Enw a swydd',
  'labPlan.eoiFile.fundingAsked': 'Cyllid y gofynnir amdano',
  'labPlan.eoiFile.amount': 'Swm',
  'labPlan.eoiFile.fileName': '{name} datganiad o ddiddordeb',
  'labPlan.eoiFile.untitledLab': 'Labordy',
  'labPlan.budgetCsv.award': 'Dyfarniad',
  'labPlan.budgetCsv.fileName': 'cyllideb cynllun y labordy'
}
