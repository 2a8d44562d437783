// The municipal property's words, Greek first; the English must have the Greek's shape (AssetsMessages).
import type { AssetEventView, AssetView } from '../../projections/assets/index.ts';
import { contextText } from '../shared/messages.ts';

export const el = {
  sections: {
    property: 'Περιουσία',
  },
  /** Each page's meta description, for search results and link previews. */
  previews: {
    property: 'Η δημοτική περιουσία: κάθε στοιχείο του Δήμου με την κατηγορία, τον ΚΑΕΚ, τη διεύθυνση, την αξία και το ιστορικό του.',
    asset: (name: string) => `${name}: στοιχείο της δημοτικής περιουσίας, η θέση, η αξία και το ιστορικό του (μισθώσεις, αναπροσαρμογές, μεταβιβάσεις).`,
  },
  assetStatus: {
    REGISTERED: 'Στην κατοχή του Δήμου',
    LEASED: 'Εκμισθωμένο',
    TRANSFERRED: 'Μεταβιβασμένο',
    DISPOSED: 'Διατεθέν',
  } satisfies Record<AssetView['status'], string>,
  assetAction: {
    REGISTER: 'Καταχώριση',
    REVALUE: 'Αναπροσαρμογή αξίας',
    LEASE: 'Μίσθωση',
    TRANSFER: 'Μεταβίβαση',
    DISPOSE: 'Διάθεση',
  } satisfies Record<AssetEventView['action'], string>,
  property: {
    title: 'Δημοτική περιουσία',
    intro: 'Το μητρώο των ακινήτων και των άλλων περιουσιακών στοιχείων του Δήμου: τι είναι, πού βρίσκονται, πόσο αξίζουν και αν έχουν εκμισθωθεί, μεταβιβαστεί ή διατεθεί.',
    categoriesTitle: 'Ανά κατηγορία',
    categoriesChart: 'Αξία της περιουσίας ανά κατηγορία',
    categoriesCaption: 'Πλήθος και αξία ανά κατηγορία (χωρίς τα διατεθέντα)',
    columns: { id: 'Κωδικός', name: 'Ονομασία', category: 'Κατηγορία', status: 'Κατάσταση', value: 'Αξία', address: 'Διεύθυνση', count: 'Πλήθος' },
    mapTitle: 'Χάρτης',
    mapChart: 'Σχηματικός χάρτης με τη θέση των ακινήτων του μητρώου',
    mapNote: 'Σχηματικός χάρτης χωρίς υπόβαθρο: κάθε κουκκίδα είναι ένα περιουσιακό στοιχείο με γνωστές συντεταγμένες. Η θέση κάθε στοιχείου δίνεται και με σύνδεσμο στο OpenStreetMap, στη σελίδα του.',
    registerTitle: 'Μητρώο',
    registerCaption: 'Τα περιουσιακά στοιχεία του Δήμου',
    category: 'Κατηγορία',
    allCategories: 'Όλες οι κατηγορίες',
    status: 'Κατάσταση',
    allStatuses: 'Όλες οι καταστάσεις',
    search: 'Ονομασία ή διεύθυνση',
    none: 'Δεν βρέθηκε περιουσιακό στοιχείο.',
  },
  asset: {
    facts: 'Στοιχεία',
    id: 'Κωδικός',
    kaek: 'ΚΑΕΚ (Κτηματολόγιο)',
    address: 'Διεύθυνση',
    holder: 'Μισθωτής ή νέος κύριος',
    amount: 'Μίσθωμα ή τίμημα',
    registeredOn: 'Καταχώριση',
    updatedOn: 'Τελευταία μεταβολή',
    locationTitle: 'Τοποθεσία',
    coordinates: 'Συντεταγμένες (WGS84)',
    latLon: (lat: string, lon: string) => `γεωγραφικό πλάτος ${lat}°, γεωγραφικό μήκος ${lon}°`,
    osm: 'Άνοιγμα της θέσης στο OpenStreetMap',
    mapChart: (name: string) => `Η θέση του στοιχείου «${name}» ανάμεσα στα άλλα στοιχεία του μητρώου`,
    noLocation: 'Δεν έχουν καταχωριστεί συντεταγμένες για αυτό το στοιχείο.',
    historyTitle: 'Ιστορικό',
    historyCaption: (name: string) => `Οι πράξεις για το στοιχείο «${name}»`,
    columns: { date: 'Ημερομηνία', action: 'Πράξη', value: 'Αξία', amount: 'Ποσό', counterparty: 'Αντισυμβαλλόμενος', ada: 'ΑΔΑ', description: 'Αιτιολογία' },
  },
};

export type AssetsMessages = typeof el;

export const en: AssetsMessages = {
  sections: {
    property: 'Property',
  },
  previews: {
    property: "The municipality's property: every item with its category, cadastre code (ΚΑΕΚ), address, value and history.",
    asset: (name) => `${name}: an item of the municipality's property, where it is, its value and its history (leases, revaluations, transfers).`,
  },

  assetStatus: {
    REGISTERED: 'Held by the municipality',
    LEASED: 'Leased',
    TRANSFERRED: 'Transferred',
    DISPOSED: 'Disposed of',
  },
  assetAction: {
    REGISTER: 'Registration',
    REVALUE: 'Revaluation',
    LEASE: 'Lease',
    TRANSFER: 'Transfer',
    DISPOSE: 'Disposal',
  },
  property: {
    title: 'Municipal property',
    intro: "The register of the municipality's buildings, land and other assets: what they are, where they are, what they are worth, and whether they have been leased, transferred or disposed of.",
    categoriesTitle: 'By category',
    categoriesChart: 'Value of the property by category',
    categoriesCaption: 'Number and value by category (excluding disposed assets)',
    columns: { id: 'Code', name: 'Name', category: 'Category', status: 'Status', value: 'Value', address: 'Address', count: 'Number' },
    mapTitle: 'Map',
    mapChart: 'Schematic map of where the registered assets are',
    mapNote: "A schematic map without a background: each dot is an asset with known coordinates. Each asset's page also links to its location on OpenStreetMap.",
    registerTitle: 'Register',
    registerCaption: "The municipality's assets",
    category: 'Category',
    allCategories: 'All categories',
    status: 'Status',
    allStatuses: 'All statuses',
    search: 'Name or address',
    none: 'No asset found.',
  },
  asset: {
    facts: 'Details',
    id: 'Code',
    kaek: 'ΚΑΕΚ (cadastre code)',
    address: 'Address',
    holder: 'Lessee or new owner',
    amount: 'Rent or price',
    registeredOn: 'Registered',
    updatedOn: 'Last change',
    locationTitle: 'Location',
    coordinates: 'Coordinates (WGS84)',
    latLon: (lat, lon) => `latitude ${lat}°, longitude ${lon}°`,
    osm: 'Open the location on OpenStreetMap',
    mapChart: (name) => `Where “${name}” is among the other registered assets`,
    noLocation: 'No coordinates have been recorded for this asset.',
    historyTitle: 'History',
    historyCaption: (name) => `What was recorded for “${name}”`,
    columns: { date: 'Date', action: 'Action', value: 'Value', amount: 'Amount', counterparty: 'Counterparty', ada: 'ΑΔΑ', description: 'Description' },
  },
};

export const assetsText = contextText(el, en);
