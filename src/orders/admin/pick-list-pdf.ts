import PDFDocument from 'pdfkit';
import type { Translate } from '../../web/i18n/messages.ts';
import type { PickList } from './pick-list.ts';

/**
 * The pick list as a PDF: a first page summing the units per SKU, then one packing slip per order (number,
 * address, lines with SKU and quantity, a BRIEVENBUSPAKJE banner for mailbox parcels). `compress: false` keeps
 * the text readable in the file, for tests.
 */
export function pickListPdf(
  list: PickList,
  t: Translate,
  options: { shopName: string; compress?: boolean },
): Promise<Buffer> {
  const doc = new PDFDocument({
    size: 'A4',
    margin: 50,
    compress: options.compress ?? true,
    info: { Title: `${t('pickList.title')} ${list.date}`, Author: options.shopName },
  });
  const chunks: Buffer[] = [];
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });

  doc.fontSize(20).text(`${t('pickList.title')} ${list.date}`);
  doc
    .moveDown()
    .fontSize(11)
    .text(t('pickList.orders', { count: list.slips.length }));
  doc.moveDown();
  if (list.totals.length === 0) doc.text(t('pickList.nothing'));
  for (const total of list.totals)
    doc.text(`${String(total.quantity).padStart(4)} ×  ${total.sku}  ${total.name}`);

  for (const slip of list.slips) {
    doc.addPage();
    doc.fontSize(10).text(options.shopName);
    doc
      .moveDown()
      .fontSize(20)
      .text(`${t('pickList.slip')} ${slip.number}`);
    if (slip.mailbox) {
      const y = doc.y + 8;
      doc.rect(50, y, doc.page.width - 100, 36).fill('#000');
      doc
        .fillColor('#fff')
        .fontSize(22)
        .text('BRIEVENBUSPAKJE', 60, y + 8);
      doc.fillColor('#000').text('', 50, y + 48);
    }
    doc.moveDown().fontSize(12);
    for (const line of slip.address) doc.text(line);
    doc.moveDown();
    doc.fontSize(11);
    for (const line of slip.lines)
      doc.text(`${String(line.quantity).padStart(4)} ×  ${line.sku}  ${line.name}`);
  }
  doc.end();
  return done;
}
