// The verifiable log (δημόσιο επαληθεύσιμο βιβλίο): the pure parts of RFC 6962 trees, C2SP tiles,
// signed notes, checkpoints, witness bodies and offline proofs. Hashing and signing come from outside.
export * from './checkpoint.ts';
export * from './entry.ts';
export * from './merkle.ts';
export * from './note.ts';
export * from './tiles.ts';
