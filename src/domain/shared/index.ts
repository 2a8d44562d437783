// What every context of the domain shares: refusals, money, dates, the Greek public codes and the ΚΑΕ list.
export * from './errors.ts';
export * from './sharedErrors.ts';
export * from './money.ts';
export * from './date.ts';
export * from './text.ts';
export * from './counterparty.ts';
export * from './codes/afm.ts';
export * from './codes/ada.ts';
export * from './codes/kae.ts';
export * from './codes/kaek.ts';
export * from './codes/rf.ts';
export * from './classification.ts';
export * from './context.ts';
