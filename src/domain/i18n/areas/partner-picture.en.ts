/** The downloaded picture of a partner map (SVG or PNG), in English (Welsh: partner-picture.cy.ts). */
export const partnerPictureEn = {
  'partners.picture.subtitle':
    '{partners, plural, one {# partner} other {# partners}} and {relationships, plural, one {# relationship} other {# relationships}} · {date}',
  'partners.picture.legendType': 'Type of partner',
  'partners.picture.legendRegion': 'Region',
  /** The file's name when the map has no title. */
  'partners.picture.fileName': 'partner map',
  'partners.picture.notDrawn': 'The graph picture could not be drawn'
} as const
