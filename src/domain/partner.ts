import { z } from 'zod'

/*
 * The partner map's vocabulary: organisations a lab works with (partners), the people to
 * contact at each, what each offers and needs, and how partners relate to each other. Plain
 * data and zod only; the CRDT shape lives in src/crdt/partner-*.ts.
 */

export const PARTNER_TYPES = [
  'council',
  'associate-member',
  'affiliate-member',
  'vcse',
  'supplier',
  'university',
  'government',
  'business',
  'other'
] as const
export const PartnerTypeSchema = z.enum(PARTNER_TYPES)
export type PartnerType = z.infer<typeof PartnerTypeSchema>
export const PARTNER_TYPE_LABELS: Record<PartnerType, string> = {
  council: 'Council',
  'associate-member': 'Associate member',
  'affiliate-member': 'Affiliate member',
  vcse: 'VCSE organisation',
  supplier: 'Supplier',
  university: 'University',
  government: 'Government',
  business: 'Business',
  other: 'Other'
}

export const PARTNER_ROLES = ['lead', 'partner', 'supporter', 'interested', 'to-approach'] as const
export const PartnerRoleSchema = z.enum(PARTNER_ROLES)
export type PartnerRole = z.infer<typeof PartnerRoleSchema>
export const PARTNER_ROLE_LABELS: Record<PartnerRole, string> = {
  lead: 'Lead',
  partner: 'Partner',
  supporter: 'Supporter',
  interested: 'Interested',
  'to-approach': 'To approach'
}

export const PARTNER_STATUSES = ['not-contacted', 'contacted', 'interested', 'committed', 'declined'] as const
export const PartnerStatusSchema = z.enum(PARTNER_STATUSES)
export type PartnerStatus = z.infer<typeof PartnerStatusSchema>
export const PARTNER_STATUS_LABELS: Record<PartnerStatus, string> = {
  'not-contacted': 'Not contacted',
  contacted: 'Contacted',
  interested: 'Interested',
  committed: 'Committed',
  declined: 'Declined'
}

/** CCIN's usual regions, offered as suggestions; a region is free text. */
export const SUGGESTED_REGIONS = ['Scotland & NI', 'Wales & Midlands', 'North of England', 'South of England'] as const

/** What a partner can offer to, or needs from, the lab. */
export const RESOURCE_CATEGORIES = ['skills', 'time', 'venues', 'data', 'funding'] as const
export const ResourceCategorySchema = z.enum(RESOURCE_CATEGORIES)
export type ResourceCategory = z.infer<typeof ResourceCategorySchema>
export const RESOURCE_CATEGORY_LABELS: Record<ResourceCategory, string> = {
  skills: 'Skills',
  time: 'Time',
  venues: 'Venues',
  data: 'Data',
  funding: 'Funding'
}
/** A partner's two lists of resources. */
export type ResourceSide = 'offers' | 'needs'

export const RELATIONSHIP_TYPES = ['partners-with', 'funds', 'supplies', 'represents', 'informs', 'other'] as const
export const RelationshipTypeSchema = z.enum(RELATIONSHIP_TYPES)
export type RelationshipType = z.infer<typeof RelationshipTypeSchema>
export const RELATIONSHIP_TYPE_LABELS: Record<RelationshipType, string> = {
  'partners-with': 'Partners with',
  funds: 'Funds',
  supplies: 'Supplies',
  represents: 'Represents',
  informs: 'Informs',
  other: 'Other'
}
/** "A partners with B" reads the same both ways; the others go from one partner to the other. */
export const isDirected = (type: RelationshipType): boolean => type !== 'partners-with' && type !== 'other'

export const STRENGTHS = [1, 2, 3] as const
export const StrengthSchema = z.union([z.literal(1), z.literal(2), z.literal(3)])
export type Strength = z.infer<typeof StrengthSchema>
export const STRENGTH_LABELS: Record<Strength, string> = { 1: 'Weak', 2: 'Medium', 3: 'Strong' }

/** Ids of partners, contacts, offers/needs and relationships: 128-bit random, lowercase hex. */
const hexId = z.string().regex(/^[0-9a-f]{32}$/, 'an id is 32 hexadecimal characters')
export const PartnerIdSchema = hexId.brand<'PartnerId'>()
export type PartnerId = z.infer<typeof PartnerIdSchema>
export const ItemIdSchema = hexId.brand<'PartnerItemId'>()
/** A contact's, offer's, need's or relationship's id (unique within its list). */
export type ItemId = z.infer<typeof ItemIdSchema>

const randomHex = (): string =>
  Array.from(crypto.getRandomValues(new Uint8Array(16)), (b) => b.toString(16).padStart(2, '0')).join('')
export const makePartnerId = (): PartnerId => randomHex() as PartnerId
export const makeItemId = (): ItemId => randomHex() as ItemId

export const LIMITS = {
  name: 160,
  region: 80,
  website: 300,
  notes: 4000,
  contactName: 120,
  jobTitle: 120,
  email: 254,
  phone: 40,
  detail: 300,
  relationshipNote: 500
} as const

const max = (n: number) => z.string().trim().max(n, `Use ${n} characters or fewer`)

/** An empty string, or an http(s) address; "www.example.org" is read as https://www.example.org. */
export const WebsiteSchema = max(LIMITS.website).transform((value, ctx) => {
  if (value === '') return ''
  const candidate = /^[a-z][a-z0-9+.-]*:/i.test(value) ? value : `https://${value}`
  try {
    const url = new URL(candidate)
    if ((url.protocol === 'http:' || url.protocol === 'https:') && url.hostname.includes('.')) return url.href
  } catch {
    // Falls through to the message below.
  }
  ctx.addIssue({ code: 'custom', message: 'Enter a web address like www.example.org' })
  return z.NEVER
})

export const EmailSchema = max(LIMITS.email).refine(
  (value) => value === '' || z.email().safeParse(value).success,
  'Enter an email address like name@example.org'
)

/** Digits with spaces, brackets, dots, dashes or a leading +; at least 6 digits; "ext 12" allowed. */
export const PhoneSchema = max(LIMITS.phone).refine(
  (value) =>
    value === '' ||
    (/^\+?[\d\s().-]+(?:\s*(?:ext\.?|x)\s*\d+)?$/i.test(value) && (value.match(/\d/g)?.length ?? 0) >= 6),
  'Enter a phone number like 0161 770 3000'
)

/** The fields a person edits on a partner (contacts, offers and needs are edited apart). */
export const PartnerFieldsSchema = z.object({
  name: max(LIMITS.name).min(1, 'Enter the organisation’s name'),
  type: PartnerTypeSchema,
  region: max(LIMITS.region),
  role: PartnerRoleSchema,
  status: PartnerStatusSchema,
  website: WebsiteSchema,
  notes: max(LIMITS.notes)
})
export type PartnerFields = z.infer<typeof PartnerFieldsSchema>
export type PartnerField = keyof PartnerFields
export const PARTNER_FIELDS = ['name', 'type', 'region', 'role', 'status', 'website', 'notes'] as const satisfies readonly PartnerField[]

/** What `addPartner` takes: name and type at least; the rest have sensible defaults. */
export type PartnerInput = Pick<PartnerFields, 'name'> & Partial<Omit<PartnerFields, 'name'>>
export const PARTNER_DEFAULTS: Omit<PartnerFields, 'name'> = {
  type: 'other',
  region: '',
  role: 'to-approach',
  status: 'not-contacted',
  website: '',
  notes: ''
}

export const ContactFieldsSchema = z.object({
  name: max(LIMITS.contactName).min(1, 'Enter the contact’s name'),
  jobTitle: max(LIMITS.jobTitle),
  email: EmailSchema,
  phone: PhoneSchema
})
export type ContactFields = z.infer<typeof ContactFieldsSchema>
export type ContactInput = Pick<ContactFields, 'name'> & Partial<Omit<ContactFields, 'name'>>

export const ResourceFieldsSchema = z.object({
  category: ResourceCategorySchema,
  detail: max(LIMITS.detail)
})
export type ResourceFields = z.infer<typeof ResourceFieldsSchema>

export const RelationshipFieldsSchema = z.object({
  type: RelationshipTypeSchema,
  note: max(LIMITS.relationshipNote),
  strength: StrengthSchema
})
export type RelationshipFields = z.infer<typeof RelationshipFieldsSchema>
export interface RelationshipInput extends Partial<RelationshipFields> {
  from: PartnerId
  to: PartnerId
}

/** One contact as read back from the document. */
export interface Contact extends ContactFields {
  id: ItemId
  createdAt: number
}

export interface ResourceItem extends ResourceFields {
  id: ItemId
  createdAt: number
}

/** One partner as read back from the document; everything malformed reads as a default. */
export interface Partner extends PartnerFields {
  id: PartnerId
  contacts: Contact[]
  offers: ResourceItem[]
  needs: ResourceItem[]
  createdAt: number
  updatedAt: number
  updatedBy: string
}

export interface Relationship extends RelationshipFields {
  id: ItemId
  from: PartnerId
  to: PartnerId
  createdAt: number
}

/** A whole map as the views see it: only live partners, and only relationships between them. */
export interface PartnerMapState {
  partners: Partner[]
  relationships: Relationship[]
  /** Relationships hidden because an end is removed or has not reached this device yet. */
  hiddenRelationships: number
}

/** The first message of a failed parse, for one-line feedback. */
export const firstIssue = (error: z.ZodError): string => error.issues[0]?.message ?? 'This value is not valid'

/**
 * Validates a form's values; returns the cleaned values or one message per field. Used for
 * partner details, contacts, offers/needs and relationships alike.
 */
export const validateFields = <S extends z.ZodObject>(
  schema: S,
  raw: unknown
): { ok: true; value: z.infer<S> } | { ok: false; errors: Partial<Record<string, string>> } => {
  const parsed = schema.safeParse(raw)
  if (parsed.success) return { ok: true, value: parsed.data }
  const errors: Partial<Record<string, string>> = {}
  for (const issue of parsed.error.issues) {
    const field = String(issue.path[0] ?? '')
    errors[field] ??= issue.message
  }
  return { ok: false, errors }
}

/**
 * The fields a person changed in a form: compared with what the form started from, not with
 * the document now, so a field someone else changed meanwhile is not overwritten.
 */
export const changedFields = <T extends object>(base: T, edited: T): Partial<T> => {
  const patch: Partial<T> = {}
  for (const key of Object.keys(edited) as (keyof T)[]) {
    if (!Object.is(base[key], edited[key])) patch[key] = edited[key]
  }
  return patch
}

/**
 * How a relationship reads from one partner's side: "funds", or "is funded by" when this
 * partner is at the `to` end. Forms offer these phrases, so a person never has to think
 * about which end is which.
 */
export interface RelationshipPhrase {
  value: string
  type: RelationshipType
  /** True when the partner being edited is the `to` end. */
  reverse: boolean
  label: string
}

export const RELATIONSHIP_PHRASES: readonly RelationshipPhrase[] = [
  { value: 'partners-with', type: 'partners-with', reverse: false, label: 'partners with' },
  { value: 'funds', type: 'funds', reverse: false, label: 'funds' },
  { value: 'funded-by', type: 'funds', reverse: true, label: 'is funded by' },
  { value: 'supplies', type: 'supplies', reverse: false, label: 'supplies' },
  { value: 'supplied-by', type: 'supplies', reverse: true, label: 'is supplied by' },
  { value: 'represents', type: 'represents', reverse: false, label: 'represents' },
  { value: 'represented-by', type: 'represents', reverse: true, label: 'is represented by' },
  { value: 'informs', type: 'informs', reverse: false, label: 'informs' },
  { value: 'informed-by', type: 'informs', reverse: true, label: 'is informed by' },
  { value: 'other', type: 'other', reverse: false, label: 'is related to' }
]

/** The phrase for a relationship seen from `partnerId`'s side. */
export const phraseFor = (relationship: Pick<Relationship, 'type' | 'from' | 'to'>, partnerId: string): RelationshipPhrase => {
  const reverse = isDirected(relationship.type) && relationship.to === partnerId
  return (
    RELATIONSHIP_PHRASES.find((p) => p.type === relationship.type && p.reverse === reverse) ??
    (RELATIONSHIP_PHRASES[0] as RelationshipPhrase)
  )
}
