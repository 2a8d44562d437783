// E-invoices as the municipality receives them: EN 16931 UBL 2.1 (Peppol BIS Billing 3.0), read safely.
export type { UblReading } from './readUbl.ts';
export { readUblInvoice, UBL_NAMESPACES } from './readUbl.ts';
export { MAX_XML_BYTES, MAX_XML_DEPTH } from './xmlTree.ts';
