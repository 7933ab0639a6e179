import type { sizesEn } from './sizes.en'

/** Unedau maint ffeil: Welsh writes KB, MB and GB as English does, and "beit" for bytes. */
export const sizesCy: Readonly<Record<keyof typeof sizesEn, string>> = {
  'size.units': 'beit|KB|MB|GB|TB'
}
