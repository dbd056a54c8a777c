import { AlignmentType, Document, HeadingLevel, LevelFormat, Packer, Paragraph, Table, TableCell, TableRow, TextRun } from 'docx';

const p = (text, options = {}) => new Paragraph({ children: [new TextRun(text)], ...options });
const cell = (text, bold = false) => new TableCell({ children: [new Paragraph({ children: [new TextRun({ text, bold })] })] });

/**
 * A Word notice as an agency's web admin has it, with what a copy from the web leaves in:
 * menu and log-in lines before the title and a copyright line at the end. Headings in Word's
 * heading styles, clauses numbered by hand (๑.๑, ๑.๑.๑) and by Word's own numbering, a bullet
 * list and a table.
 */
export async function noticeDocx() {
  const document = new Document({
    numbering: {
      config: [
        {
          reference: 'rights',
          levels: [
            { level: 0, format: LevelFormat.DECIMAL, text: '%1.', alignment: AlignmentType.START },
            { level: 1, format: LevelFormat.DECIMAL, text: '%1.%2', alignment: AlignmentType.START },
          ],
        },
      ],
    },
    sections: [
      {
        children: [
          p('หน้าหลัก'),
          p('เข้าสู่ระบบ'),
          p('นโยบายความเป็นส่วนตัว สำนักงานตัวอย่าง', { heading: HeadingLevel.HEADING_1 }),
          p('มีผลใช้บังคับตั้งแต่วันที่ 1 มิถุนายน 2565'),
          p('สำนักงานตัวอย่างเคารพสิทธิความเป็นส่วนตัวของท่าน'),
          p('ฐานในการประมวลผลข้อมูลส่วนบุคคล', { heading: HeadingLevel.HEADING_2 }),
          p('1.1 สำนักงานประมวลผลข้อมูลภายใต้ฐานดังต่อไปนี้'),
          p('1.1.1 ภารกิจสาธารณะ'),
          p('1.1.2 ความยินยอม'),
          p('1.2 สำนักงานไม่ขายข้อมูลของท่าน'),
          p('ข้อมูลที่เก็บรวบรวม', { heading: HeadingLevel.HEADING_2 }),
          new Table({
            rows: [
              new TableRow({ children: [cell('กลุ่ม', true), cell('ข้อมูล', true)] }),
              new TableRow({ children: [cell('ผู้เข้าอบรม'), cell('ชื่อ อีเมล เบอร์โทรศัพท์')] }),
              new TableRow({ children: [cell('วิทยากร'), cell('ประวัติย่อ ภาพถ่าย')] }),
            ],
          }),
          p('สิทธิของเจ้าของข้อมูลส่วนบุคคล', { heading: HeadingLevel.HEADING_2 }),
          p('สิทธิในการเข้าถึงข้อมูล', { numbering: { reference: 'rights', level: 0 } }),
          p('สิทธิในการขอรับสำเนา', { numbering: { reference: 'rights', level: 1 } }),
          p('สิทธิในการถอนความยินยอม', { numbering: { reference: 'rights', level: 0 } }),
          p('คุกกี้', { heading: HeadingLevel.HEADING_2 }),
          p('คุกกี้ที่จำเป็น', { bullet: { level: 0 } }),
          p('คุกกี้เพื่อการวิเคราะห์', { bullet: { level: 0 } }),
          p('ติดต่อ', { heading: HeadingLevel.HEADING_2 }),
          p('อีเมล dpo@example.or.th โทร 02-123-4567'),
          p('© 2565 สำนักงานตัวอย่าง สงวนลิขสิทธิ์'),
        ],
      },
    ],
  });
  return Packer.toBuffer(document);
}
