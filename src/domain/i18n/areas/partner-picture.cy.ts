import type { partnerPictureEn } from './partner-picture.en'

/** The downloaded picture of a partner map, in Welsh. */
export const partnerPictureCy: Readonly<Record<keyof typeof partnerPictureEn, string>> = {
  'partners.picture.subtitle':
    '{partners, plural, zero {# partner} one {# partner} two {# bartner} few {# partner} many {# partner} other {# partner}} a {relationships, plural, zero {# perthynas} one {# berthynas} two {# berthynas} few {# perthynas} many {# perthynas} other {# perthynas}} · {date}',
  'partners.picture.legendType': 'Math o bartner',
  'partners.picture.legendRegion': 'Rhanbarth',
  'partners.picture.fileName': 'map partneriaid',
  'partners.picture.notDrawn': 'Nid oedd modd llunio llun y graff'
}
