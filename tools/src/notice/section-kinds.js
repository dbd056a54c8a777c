// Heading words of each section kind (DESIGN.md section 4), Thai and English, most specific
// first: "ข้อมูลส่วนบุคคลของผู้เยาว์" is about minors before it is about data, and
// "การส่งหรือโอนข้อมูลไปยังต่างประเทศ" about transfer before disclosure.
const KIND_WORDS = [
  ['minors', /ผู้เยาว์|ไร้ความสามารถ|เด็ก|\bminors?\b|\bchild(ren)?\b/i],
  ['cookies', /คุ้?กกี้|\bcookies?\b|web beacons?/i],
  ['transfer', /ต่างประเทศ|\b(international|cross-border|overseas)\b|\btransfers?\b/i],
  ['legal-basis', /^ฐาน|ฐาน(ทาง)?กฎหมาย|\b(legal|lawful) bas[ei]s\b/i],
  ['purposes', /^(วัตถุประสงค์|จุดประสงค์)|\bpurposes?\b|\bhow we use\b/i],
  ['retention', /^ระยะเวลา|การเก็บรักษา|\bretention\b|\bhow long\b/i],
  ['processors', /ผู้ประมวลผล|บุคคลที่สาม|ผู้ให้บริการช่วง|\b(processors?|third[- ]part(y|ies)|sub-?processors?)\b/i],
  ['security', /ความมั่นคงปลอดภัย|ความปลอดภัย|\bsecurity\b/i],
  ['participation', /การมีส่วนร่วม|\bparticipation\b/i],
  ['accountability', /^ความรับผิดชอบ|\baccountability\b/i],
  ['changes', /^(การ)?(เปลี่ยนแปลง|แก้ไข|ปรับปรุง)|\b(changes?|updates?|amendments?) to\b/i],
  ['rights', /^สิทธิ|\brights?\b/i],
  ['disclosure', /^การเปิดเผย|\b(disclos\w*|sharing)\b/i],
  ['data', /^(ข้อมูลส่วนบุคคลที่|ประเภทของข้อมูล|ข้อมูลที่)|\b(personal )?(data|information) (we )?collect/i],
  ['contact', /^(การ)?ติดต่อ|ช่องทางการติดต่อ|\bcontact( us)?\b/i],
];

/** The section kind that a heading's words suggest, or undefined when none does. */
export function guessKind(heading) {
  return KIND_WORDS.find(([, words]) => words.test(heading))?.[0];
}
