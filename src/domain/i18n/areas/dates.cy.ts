import type { datesEn } from './dates.en'

/** Enwau misoedd: the names a Welsh date is built from (as CLDR, which Firefox and Node ship, has them). */
export const datesCy: Readonly<Record<keyof typeof datesEn, string>> = {
  'date.months': 'Ionawr|Chwefror|Mawrth|Ebrill|Mai|Mehefin|Gorffennaf|Awst|Medi|Hydref|Tachwedd|Rhagfyr',
  'date.monthsShort': 'Ion|Chwef|Maw|Ebr|Mai|Meh|Gorff|Awst|Medi|Hyd|Tach|Rhag',
  // Times past and to come ("5 minutes ago"), where Intl.RelativeTimeFormat lacks the language:
  // the forms CLDR gives for each plural, with its own words for yesterday, last week and the like.
  'time.past.second': '{count, plural, =0 {nawr} zero {# eiliad yn ôl} one {# eiliad yn ôl} two {# eiliad yn ôl} few {# eiliad yn ôl} many {# eiliad yn ôl} other {# eiliad yn ôl}}',
  'time.past.minute': '{count, plural, =0 {y funud hon} zero {# munud yn ôl} one {# munud yn ôl} two {# munud yn ôl} few {# munud yn ôl} many {# munud yn ôl} other {# munud yn ôl}}',
  'time.past.hour': '{count, plural, =0 {yr awr hon} zero {# awr yn ôl} one {# awr yn ôl} two {# awr yn ôl} few {# awr yn ôl} many {# awr yn ôl} other {# awr yn ôl}}',
  'time.past.day': '{count, plural, =0 {heddiw} =1 {ddoe} =2 {echdoe} zero {# diwrnod yn ôl} one {# diwrnod yn ôl} two {# ddiwrnod yn ôl} few {# diwrnod yn ôl} many {# diwrnod yn ôl} other {# diwrnod yn ôl}}',
  'time.past.week': '{count, plural, =0 {yr wythnos hon} =1 {wythnos ddiwethaf} zero {# wythnos yn ôl} one {# wythnos yn ôl} two {# wythnos yn ôl} few {# wythnos yn ôl} many {# wythnos yn ôl} other {# wythnos yn ôl}}',
  'time.past.month': '{count, plural, =0 {y mis hwn} =1 {mis diwethaf} zero {# mis yn ôl} one {# mis yn ôl} two {# fis yn ôl} few {# mis yn ôl} many {# mis yn ôl} other {# mis yn ôl}}',
  'time.past.year': '{count, plural, =0 {eleni} =1 {llynedd} zero {# o flynyddoedd yn ôl} one {blwyddyn yn ôl} two {# flynedd yn ôl} few {# o flynyddoedd yn ôl} many {# o flynyddoedd yn ôl} other {# o flynyddoedd yn ôl}}',
  'time.future.second': '{count, plural, zero {ymhen # eiliad} one {ymhen # eiliad} two {ymhen # eiliad} few {ymhen # eiliad} many {ymhen # eiliad} other {ymhen # eiliad}}',
  'time.future.minute': '{count, plural, zero {ymhen # munud} one {ymhen # munud} two {ymhen # munud} few {ymhen # munud} many {ymhen # munud} other {ymhen # munud}}',
  'time.future.hour': '{count, plural, zero {ymhen # awr} one {ymhen awr} two {ymhen # awr} few {ymhen # awr} many {ymhen # awr} other {ymhen # awr}}',
  'time.future.day': '{count, plural, =1 {yfory} =2 {drennydd} zero {ymhen # diwrnod} one {ymhen diwrnod} two {ymhen deuddydd} few {ymhen # diwrnod} many {ymhen # diwrnod} other {ymhen # diwrnod}}',
  'time.future.week': '{count, plural, =1 {wythnos nesaf} zero {ymhen # wythnos} one {ymhen wythnos} two {ymhen pythefnos} few {ymhen # wythnos} many {ymhen # wythnos} other {ymhen # wythnos}}',
  'time.future.month': '{count, plural, =1 {mis nesaf} zero {ymhen # mis} one {ymhen mis} two {ymhen deufis} few {ymhen # mis} many {ymhen # mis} other {ymhen # mis}}',
  'time.future.year': '{count, plural, =1 {blwyddyn nesaf} zero {ymhen # o flynyddoedd} one {ymhen blwyddyn} two {ymhen # flynedd} few {ymhen # blynedd} many {ymhen # blynedd} other {ymhen # mlynedd}}'
}
