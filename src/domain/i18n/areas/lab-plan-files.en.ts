/**
 * The fixed words of the files the lab plan makes: the "Export as EOI" Word file (laid out like
 * the CCIN's form) and the budget CSV, in English. The rest of their words are the lab plan
 * area's own (lab-plan.en.ts). Welsh: lab-plan-files.cy.ts.
 */
export const labPlanFilesEn = {
  'labPlan.eoiFile.title': 'Expression of Interest: {name}',
  'labPlan.eoiFile.nameAndJobTitle': 'Name and job title',
  'labPlan.eoiFile.fundingAsked': 'Funding asked for',
  'labPlan.eoiFile.amount': 'Amount',
  /** The file's name, before ".docx". */
  'labPlan.eoiFile.fileName': '{name} expression of interest',
  /** A lab whose workspace has no name yet. */
  'labPlan.eoiFile.untitledLab': 'Lab',
  'labPlan.budgetCsv.award': 'Award',
  /** The file's name, before ".csv". */
  'labPlan.budgetCsv.fileName': 'lab plan budget'
} as const
