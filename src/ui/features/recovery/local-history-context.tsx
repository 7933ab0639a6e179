import { createContext, useContext, type JSX } from 'solid-js'
import type { LocalHistory } from '../../../app/local-history'

const LocalHistoryContext = createContext<() => LocalHistory | null>(() => null)

/** This device's history of the open workspace, for the recovery panel (null until it has started). */
export const LocalHistoryProvider = (props: { history: LocalHistory | null; children: JSX.Element }) => (
  <LocalHistoryContext.Provider value={() => props.history}>{props.children}</LocalHistoryContext.Provider>
)

export const useLocalHistory = (): (() => LocalHistory | null) => useContext(LocalHistoryContext)
