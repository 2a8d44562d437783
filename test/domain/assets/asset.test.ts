import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { Decimal } from 'decimal.js';
import type { AssetAction, RecordAssetAction } from '../../../src/domain/assets/commands.ts';
import type { Asset } from '../../../src/domain/assets/asset.ts';
import { decideAsset, evolveAsset, initialAsset } from '../../../src/domain/assets/asset.ts';
import { expectDomainError } from '../support/expectDomainError.ts';

const test = suite('assets');

type Row = RecordAssetAction['data'];
const LESSEE = { naturalPerson: false, afm: '094019245', name: 'ΟΤΕ Α.Ε.' } as const;

const action = (kind: AssetAction, overrides: Partial<Row> = {}): RecordAssetAction => ({
  type: 'RecordAssetAction',
  data: {
    action: kind,
    asset: 'ΑΚ-017',
    date: '2026-02-10',
    category: null,
    name: null,
    kaek: null,
    address: null,
    location: null,
    value: null,
    counterparty: null,
    amount: null,
    ada: null,
    description: null,
    ...overrides,
  },
});

// The old Lixouri town hall on the harbour front.
const register = (overrides: Partial<Row> = {}) =>
  action('register', {
    category: 'Κτίριο',
    name: 'Παλαιό Δημαρχείο Ληξουρίου',
    kaek: '31 020 01 00123',
    address: 'Πλατεία Πετριτσή, Ληξούρι',
    location: { lat: 38.2019, lon: 20.4386 },
    value: new Decimal('350000.00'),
    ada: 'Ω97TΩΞX-8KΛ',
    ...overrides,
  });

const given = (...commands: RecordAssetAction[]): Asset =>
  commands.reduce((state, command) => decideAsset(command, state).reduce(evolveAsset, state), initialAsset());

test('register: an asset with category, name, value, normalised ΚΑΕΚ and ΑΔΑ', () => {
  assert.equal(decideAsset(register(), given()), [
    {
      type: 'AssetRegistered',
      data: {
        asset: 'ΑΚ-017',
        date: '2026-02-10',
        ada: 'Ω97ΤΩΞΧ-8ΚΛ',
        description: null,
        category: 'Κτίριο',
        name: 'Παλαιό Δημαρχείο Ληξουρίου',
        kaek: '310200100123',
        address: 'Πλατεία Πετριτσή, Ληξούρι',
        location: { lat: 38.2019, lon: 20.4386 },
        value: '350000.00',
      },
    },
  ]);
  assert.is(given(register()).status, 'registered');
});

test('register: an asset without ΚΑΕΚ, address or coordinates, and worth nothing on the books', () => {
  const events = decideAsset(register({ kaek: null, address: null, location: null, value: new Decimal(0) }), given());
  assert.is(events[0]?.type === 'AssetRegistered' && events[0].data.value, '0.00');
});

test('register: category, name and value are required; the value is never negative', () => {
  expectDomainError(() => decideAsset(register({ category: ' ' }), given()), 'OD_ASSET_CATEGORY_MISSING', 'category');
  expectDomainError(() => decideAsset(register({ name: null }), given()), 'OD_ASSET_NAME_MISSING', 'name');
  expectDomainError(() => decideAsset(register({ value: null }), given()), 'OD_ASSET_VALUE_MISSING', 'value');
  expectDomainError(() => decideAsset(register({ value: new Decimal('-1') }), given()), 'OD_AMOUNT_NEGATIVE', 'value');
  expectDomainError(() => decideAsset(register({ value: new Decimal('1.001') }), given()), 'OD_AMOUNT_PRECISION', 'value');
  expectDomainError(() => decideAsset(register({ asset: ' ' }), given()), 'OD_ASSET_MISSING', 'asset');
  expectDomainError(() => decideAsset(register({ date: '10/02/2026' }), given()), 'OD_DATE_INVALID', 'date');
});

test('register: the ΚΑΕΚ and the coordinates are checked', () => {
  expectDomainError(() => decideAsset(register({ kaek: '3102001' }), given()), 'OD_KAEK_INVALID', 'kaek');
  expectDomainError(() => decideAsset(register({ location: { lat: 91, lon: 20.43 } }), given()), 'OD_LATITUDE_INVALID', 'lat');
  expectDomainError(() => decideAsset(register({ location: { lat: 38.2, lon: -180.5 } }), given()), 'OD_LONGITUDE_INVALID', 'lon');
  expectDomainError(() => decideAsset(register({ location: { lat: Number.NaN, lon: 20.4 } }), given()), 'OD_LATITUDE_INVALID', 'lat');
});

test('register: the same registration again adds nothing; different details are refused', () => {
  assert.equal(decideAsset(register(), given(register())), []);
  expectDomainError(() => decideAsset(register({ value: new Decimal('1.00') }), given(register())), 'OD_ASSET_ALREADY_REGISTERED', 'asset');
});

test('revalue: a registered asset gets a new value', () => {
  const state = given(register(), action('revalue', { value: new Decimal('410000.5') }));
  assert.is(state.status === 'registered' && state.value, '410000.50');
  expectDomainError(() => decideAsset(action('revalue', { value: new Decimal('1') }), given()), 'OD_ASSET_UNKNOWN', 'asset');
  expectDomainError(() => decideAsset(action('revalue'), given(register())), 'OD_ASSET_VALUE_MISSING', 'value');
});

test('lease: needs a lessee and a positive rent; a natural person is kept anonymous', () => {
  const leased = given(register(), action('lease', { counterparty: LESSEE, amount: new Decimal('1200') }));
  assert.is(leased.status, 'leased');
  expectDomainError(() => decideAsset(action('lease', { amount: new Decimal('1200') }), given(register())), 'OD_COUNTERPARTY_MISSING', 'afm');
  expectDomainError(() => decideAsset(action('lease', { counterparty: LESSEE }), given(register())), 'OD_AMOUNT_MISSING', 'amount');
  expectDomainError(() => decideAsset(action('lease', { counterparty: LESSEE, amount: new Decimal(0) }), given(register())), 'OD_AMOUNT_NOT_POSITIVE', 'amount');
  const person = { naturalPerson: true, afm: '090000045', name: 'Σπύρος Μεταξάς' } as unknown as Row['counterparty'];
  const events = decideAsset(action('lease', { counterparty: person, amount: new Decimal('300') }), given(register()));
  assert.equal(events[0]?.type === 'AssetLeased' && events[0].data.lessee, { naturalPerson: true, afm: null, name: null });
});

test('transfer: needs a recipient; the price defaults to zero', () => {
  const events = decideAsset(action('transfer', { counterparty: LESSEE }), given(register()));
  assert.is(events[0]?.type === 'AssetTransferred' && events[0].data.amount, '0.00');
  assert.is(given(register(), action('transfer', { counterparty: LESSEE })).status, 'transferred');
  expectDomainError(() => decideAsset(action('transfer'), given(register())), 'OD_COUNTERPARTY_MISSING', 'afm');
});

test('dispose: ends the asset; nothing else may follow, but the same disposal again is a duplicate', () => {
  const disposal = action('dispose', { date: '2026-06-30', amount: new Decimal('15000'), ada: '7394ΩΞΧ-ΠΔΖ' });
  const disposed = given(register(), disposal);
  assert.is(disposed.status, 'disposed');
  assert.equal(decideAsset(disposal, disposed), []);
  expectDomainError(() => decideAsset(action('dispose', { date: '2026-07-01' }), disposed), 'OD_ASSET_DISPOSED', 'asset');
  expectDomainError(() => decideAsset(action('revalue', { value: new Decimal('1') }), disposed), 'OD_ASSET_DISPOSED', 'asset');
  expectDomainError(() => decideAsset(action('lease', { counterparty: LESSEE, amount: new Decimal('1') }), disposed), 'OD_ASSET_DISPOSED', 'asset');
  expectDomainError(() => decideAsset(action('transfer', { counterparty: LESSEE }), disposed), 'OD_ASSET_DISPOSED', 'asset');
  expectDomainError(() => decideAsset(action('dispose'), given()), 'OD_ASSET_UNKNOWN', 'asset');
});

test('re-importing an assets file adds nothing: every identical action is a duplicate', () => {
  const history = [register(), action('revalue', { value: new Decimal('400000') }), action('lease', { counterparty: LESSEE, amount: new Decimal('900') })];
  const state = given(...history);
  for (const command of history) assert.equal(decideAsset(command, state), [], command.data.action);
});

test.run();
