/**
 * The units a file's size is given in, smallest first, separated by "|" (Welsh: sizes.cy.ts;
 * domain/storage-health.ts formatBytes reads them).
 */
export const sizesEn = {
  'size.units': 'bytes|KB|MB|GB|TB'
} as const
