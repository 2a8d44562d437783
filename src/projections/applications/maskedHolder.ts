// The holder's name as the verification page shows it to anyone holding the code: enough to see that the
// document names the person in front of you (their initial and the first letter of the surname), too little
// to learn a name from a code: «Γεώργιος Παπαδόπουλος» → «Γ. Π*********».
export const maskedHolder = (name: string): string => {
  const words = name.trim().split(/\s+/).filter((w) => w.length > 0);
  if (words.length === 0) return '';
  const first = [...words[0]!];
  if (words.length === 1) return `${first[0]}${'*'.repeat(Math.max(first.length - 1, 3))}`;
  const last = [...words.at(-1)!];
  return `${first[0]}. ${last[0]}${'*'.repeat(Math.max(last.length - 1, 3))}`;
};
