// UBL 2.1 invoices written by hand for the tests, in the order and with the names of the Peppol BIS Billing
// 3.0 base example: a valid invoice from the stand-in company to the municipality, whose parts a test
// replaces to break one rule at a time.

export const SELLER_TAXID = '801234560';
export const BUYER_TAXID = '997744128';

export interface UblLine {
  readonly quantity: string;
  readonly price: string;
  readonly net: string;
  readonly category?: string;
  readonly rate?: string;
  readonly allowance?: string;
}

export interface UblOptions {
  readonly number?: string;
  readonly issueDate?: string;
  readonly seller?: string;
  readonly buyer?: string;
  readonly currency?: string;
  readonly orderReference?: string | null;
  readonly buyerReference?: string;
  readonly lines?: readonly UblLine[];
  /** The breakdown: [category, rate, taxable, tax, exemption reason?]. */
  readonly subtotals?: readonly (readonly [string, string, string, string, string?])[];
  readonly taxTotal?: string;
  readonly lineTotal?: string;
  readonly taxExclusive?: string;
  readonly taxInclusive?: string;
  readonly payable?: string;
  readonly prepaid?: string;
  readonly kind?: 'Invoice' | 'CreditNote';
}

const line = (l: UblLine, i: number, kind: 'Invoice' | 'CreditNote'): string => `
  <cac:${kind}Line>
    <cbc:ID>${i + 1}</cbc:ID>
    <cbc:${kind === 'Invoice' ? 'Invoiced' : 'Credited'}Quantity unitCode="H87">${l.quantity}</cbc:${kind === 'Invoice' ? 'Invoiced' : 'Credited'}Quantity>
    <cbc:LineExtensionAmount currencyID="EUR">${l.net}</cbc:LineExtensionAmount>${
      l.allowance
        ? `
    <cac:AllowanceCharge>
      <cbc:ChargeIndicator>false</cbc:ChargeIndicator>
      <cbc:AllowanceChargeReason>Έκπτωση</cbc:AllowanceChargeReason>
      <cbc:Amount currencyID="EUR">${l.allowance}</cbc:Amount>
    </cac:AllowanceCharge>`
        : ''
    }
    <cac:Item>
      <cbc:Name>Δίχτυα αλιείας</cbc:Name>
      <cac:ClassifiedTaxCategory>
        <cbc:ID>${l.category ?? 'S'}</cbc:ID>
        <cbc:Percent>${l.rate ?? '24'}</cbc:Percent>
        <cac:TaxScheme><cbc:ID>VAT</cbc:ID></cac:TaxScheme>
      </cac:ClassifiedTaxCategory>
    </cac:Item>
    <cac:Price>
      <cbc:PriceAmount currencyID="EUR">${l.price}</cbc:PriceAmount>
    </cac:Price>
  </cac:${kind}Line>`;

const party = (taxid: string, name: string): string => `
    <cac:Party>
      <cbc:EndpointID schemeID="9933">${taxid}</cbc:EndpointID>
      <cac:PartyName><cbc:Name>${name}</cbc:Name></cac:PartyName>
      <cac:PostalAddress>
        <cbc:CityName>Ληξούρι</cbc:CityName>
        <cbc:PostalZone>28200</cbc:PostalZone>
        <cac:Country><cbc:IdentificationCode>GR</cbc:IdentificationCode></cac:Country>
      </cac:PostalAddress>
      <cac:PartyTaxScheme>
        <cbc:CompanyID>EL${taxid}</cbc:CompanyID>
        <cac:TaxScheme><cbc:ID>VAT</cbc:ID></cac:TaxScheme>
      </cac:PartyTaxScheme>
      <cac:PartyLegalEntity>
        <cbc:RegistrationName>${name}</cbc:RegistrationName>
      </cac:PartyLegalEntity>
    </cac:Party>`;

/**
 * The valid default: two lines, 10 × 12.50 = 125.00 and 2 × 40.00 − 5.00 = 75.00, at 24 %: 200.00 without VAT,
 * 48.00 VAT, 248.00 due; ordered under the commitment with ΑΔΑ 6ΩΡΞ46ΜΛΩ6-ΒΓΔ.
 */
export const ublInvoice = (o: UblOptions = {}): string => {
  const kind = o.kind ?? 'Invoice';
  const lines = o.lines ?? [
    { quantity: '10', price: '12.50', net: '125.00' },
    { quantity: '2', price: '40.00', net: '75.00', allowance: '5.00' },
  ];
  const subtotals = o.subtotals ?? [['S', '24', '200.00', '48.00']];
  const ns = kind === 'Invoice' ? 'Invoice' : 'CreditNote';
  return `<?xml version="1.0" encoding="UTF-8"?>
<${ns} xmlns="urn:oasis:names:specification:ubl:schema:xsd:${ns}-2"
  xmlns:cac="urn:oasis:names:specification:ubl:schema:xsd:CommonAggregateComponents-2"
  xmlns:cbc="urn:oasis:names:specification:ubl:schema:xsd:CommonBasicComponents-2">
  <cbc:CustomizationID>urn:cen.eu:en16931:2017#compliant#urn:fdc:peppol.eu:2017:poacc:billing:3.0</cbc:CustomizationID>
  <cbc:ProfileID>urn:fdc:peppol.eu:2017:poacc:billing:01:1.0</cbc:ProfileID>
  <cbc:ID>${o.number ?? 'ΤΠΥ-0042'}</cbc:ID>
  <cbc:IssueDate>${o.issueDate ?? '2026-03-10'}</cbc:IssueDate>
  ${kind === 'Invoice' ? '<cbc:DueDate>2026-04-09</cbc:DueDate>\n  <cbc:InvoiceTypeCode>380</cbc:InvoiceTypeCode>' : '<cbc:CreditNoteTypeCode>381</cbc:CreditNoteTypeCode>'}
  <cbc:DocumentCurrencyCode>${o.currency ?? 'EUR'}</cbc:DocumentCurrencyCode>
  <cbc:BuyerReference>${o.buyerReference ?? 'ΟΙΚΟΝΟΜΙΚΗ ΥΠΗΡΕΣΙΑ'}</cbc:BuyerReference>${o.orderReference === null ? '' : `
  <cac:OrderReference><cbc:ID>${o.orderReference ?? '6ΩΡΞ46ΜΛΩ6-ΒΓΔ'}</cbc:ID></cac:OrderReference>`}
  <cac:AccountingSupplierParty>${party(o.seller ?? SELLER_TAXID, 'ΑΛΙΕΥΤΙΚΗ ΛΗΞΟΥΡΙΟΥ Ι.Κ.Ε.')}
  </cac:AccountingSupplierParty>
  <cac:AccountingCustomerParty>${party(o.buyer ?? BUYER_TAXID, 'ΔΗΜΟΣ ΛΗΞΟΥΡΙΟΥ')}
  </cac:AccountingCustomerParty>
  <cac:TaxTotal>
    <cbc:TaxAmount currencyID="EUR">${o.taxTotal ?? '48.00'}</cbc:TaxAmount>${subtotals
      .map(
        ([category, rate, taxable, tax, reason]) => `
    <cac:TaxSubtotal>
      <cbc:TaxableAmount currencyID="EUR">${taxable}</cbc:TaxableAmount>
      <cbc:TaxAmount currencyID="EUR">${tax}</cbc:TaxAmount>
      <cac:TaxCategory>
        <cbc:ID>${category}</cbc:ID>
        <cbc:Percent>${rate}</cbc:Percent>${reason ? `\n        <cbc:TaxExemptionReason>${reason}</cbc:TaxExemptionReason>` : ''}
        <cac:TaxScheme><cbc:ID>VAT</cbc:ID></cac:TaxScheme>
      </cac:TaxCategory>
    </cac:TaxSubtotal>`,
      )
      .join('')}
  </cac:TaxTotal>
  <cac:LegalMonetaryTotal>
    <cbc:LineExtensionAmount currencyID="EUR">${o.lineTotal ?? '200.00'}</cbc:LineExtensionAmount>
    <cbc:TaxExclusiveAmount currencyID="EUR">${o.taxExclusive ?? '200.00'}</cbc:TaxExclusiveAmount>
    <cbc:TaxInclusiveAmount currencyID="EUR">${o.taxInclusive ?? '248.00'}</cbc:TaxInclusiveAmount>${o.prepaid ? `\n    <cbc:PrepaidAmount currencyID="EUR">${o.prepaid}</cbc:PrepaidAmount>` : ''}
    <cbc:PayableAmount currencyID="EUR">${o.payable ?? '248.00'}</cbc:PayableAmount>
  </cac:LegalMonetaryTotal>${lines.map((l, i) => line(l, i, kind)).join('')}
</${ns}>
`;
};

export const bytesOf = (xml: string): Uint8Array => new TextEncoder().encode(xml);
