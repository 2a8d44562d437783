// A submission checked against its type and the municipality's bounds (issue 18, bad input): location,
// bounds, description limit, attributes by datatype, the contact's shape.
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import type { RequestType, SubmissionInput } from '../../../src/domain/requests/index.ts';
import { checkSubmission, DESCRIPTION_MAX, LIXOURI_BOUNDS, parseW3cDate, validateRequestTypes } from '../../../src/domain/requests/index.ts';
import { expectDomainError } from '../support/expectDomainError.ts';

const test = suite('requests: a submission checked');

const bilingual = (text: string) => ({ el: `${text} (el)`, en: text });
const [pothole] = validateRequestTypes(
  {
    services: [
      {
        service_code: 'pothole',
        service_name: bilingual('Pothole'),
        description: bilingual('A pothole'),
        group: bilingual('Roads'),
        type: 'realtime',
        metadata: true,
        agency: bilingual('Technical Services'),
        department: 'technical-services',
        attributes: [
          { code: 'size', datatype: 'singlevaluelist', required: true, order: 1, description: bilingual('Size'), values: [{ key: 'small', name: bilingual('Small') }, { key: 'large', name: bilingual('Large') }] },
          { code: 'sides', datatype: 'multivaluelist', required: false, order: 2, description: bilingual('Sides'), values: [{ key: 'left', name: bilingual('Left') }, { key: 'right', name: bilingual('Right') }] },
          { code: 'depth', datatype: 'number', required: false, order: 3, description: bilingual('Depth') },
          { code: 'note', variable: false, datatype: 'string', required: false, order: 4, description: bilingual('Careful') },
        ],
      },
    ],
  },
  'test.yaml',
) as [RequestType];

const input = (over: Partial<SubmissionInput> = {}): SubmissionInput => ({ lat: '38.2018', long: '20.4391', description: ' Βαθιά λακκούβα ', attributes: { size: ['large'] }, ...over });

test('coordinates inside the bounds, the description trimmed, the answers kept, the contact normalised', () => {
  const checked = checkSubmission(pothole, input({ email: 'Maria@Example.GR', firstName: 'Μαρία', phone: '+30 26710 91000', mediaUrl: 'https://photos.example/1.jpg' }), LIXOURI_BOUNDS);
  assert.equal(checked.location, { lat: 38.2018, long: 20.4391, address: null, addressId: null });
  assert.is(checked.description, 'Βαθιά λακκούβα');
  assert.equal(checked.attributes, { size: ['large'] });
  assert.equal(checked.contact, { email: 'maria@example.gr', firstName: 'Μαρία', lastName: null, phone: '+30 26710 91000' });
  assert.is(checked.mediaUrl, 'https://photos.example/1.jpg');
});

test('an address alone is a location; nothing at all is refused; lat without long is refused', () => {
  assert.equal(checkSubmission(pothole, input({ lat: undefined, long: undefined, addressString: 'Πλατεία Ηρώων, Ληξούρι' }), LIXOURI_BOUNDS).location, {
    lat: null,
    long: null,
    address: 'Πλατεία Ηρώων, Ληξούρι',
    addressId: null,
  });
  expectDomainError(() => checkSubmission(pothole, input({ lat: undefined, long: undefined }), LIXOURI_BOUNDS), 'OD_REQUEST_LOCATION_REQUIRED');
  expectDomainError(() => checkSubmission(pothole, input({ long: undefined }), LIXOURI_BOUNDS), 'OD_REQUEST_COORDINATES_INVALID');
  expectDomainError(() => checkSubmission(pothole, input({ lat: '38,2' }), LIXOURI_BOUNDS), 'OD_REQUEST_COORDINATES_INVALID');
});

test('south of the peninsula, east of it and Athens are outside the municipality; the bounds are named', () => {
  for (const [lat, long] of [['38.14', '20.43'], ['38.2', '20.53'], ['37.9838', '23.7275']] as const) {
    expectDomainError(() => checkSubmission(pothole, input({ lat, long }), LIXOURI_BOUNDS), 'OD_REQUEST_OUTSIDE_MUNICIPALITY', 'lat');
  }
  try {
    checkSubmission(pothole, input({ lat: '37.9838', long: '23.7275' }), LIXOURI_BOUNDS);
  } catch (error) {
    assert.match((error as Error).message, /38\.15–38\.32 N, 20\.33–20\.52 E/);
  }
});

test('a description of 4,000 characters passes, one more is refused', () => {
  assert.is(checkSubmission(pothole, input({ description: 'α'.repeat(DESCRIPTION_MAX) }), LIXOURI_BOUNDS).description.length, DESCRIPTION_MAX);
  expectDomainError(() => checkSubmission(pothole, input({ description: 'α'.repeat(DESCRIPTION_MAX + 1) }), LIXOURI_BOUNDS), 'OD_REQUEST_DESCRIPTION_TOO_LONG', 'description');
});

test('attributes: required, one of the values, several only for a multivaluelist, numbers, no unknown or informational ones', () => {
  const refused = (attributes: Record<string, string[]>) => expectDomainError(() => checkSubmission(pothole, input({ attributes }), LIXOURI_BOUNDS), 'OD_REQUEST_ATTRIBUTE_INVALID');
  refused({});
  refused({ size: ['huge'] });
  refused({ size: ['small', 'large'] });
  refused({ size: ['small'], depth: ['deep'] });
  refused({ size: ['small'], colour: ['red'] });
  refused({ size: ['small'], note: ['x'] });
  assert.equal(checkSubmission(pothole, input({ attributes: { size: ['small'], sides: ['left', 'right'], depth: ['12.5'] } }), LIXOURI_BOUNDS).attributes, {
    size: ['small'],
    sides: ['left', 'right'],
    depth: ['12.5'],
  });
});

test('contact and media: a bad e-mail, phone or media_url is refused', () => {
  expectDomainError(() => checkSubmission(pothole, input({ email: 'maria@' }), LIXOURI_BOUNDS), 'OD_REQUEST_EMAIL_INVALID', 'email');
  expectDomainError(() => checkSubmission(pothole, input({ phone: 'call me' }), LIXOURI_BOUNDS), 'OD_REQUEST_PHONE_INVALID', 'phone');
  expectDomainError(() => checkSubmission(pothole, input({ mediaUrl: 'javascript:alert(1)' }), LIXOURI_BOUNDS), 'OD_REQUEST_MEDIA_URL_INVALID');
  expectDomainError(() => checkSubmission(pothole, input({ firstName: 'Μ'.repeat(101) }), LIXOURI_BOUNDS), 'OD_REQUEST_FIELD_TOO_LONG', 'first_name');
});

test('W3C dates need their time zone', () => {
  assert.is(parseW3cDate('1994-11-05T08:15:30-05:00')?.toISOString(), '1994-11-05T13:15:30.000Z');
  assert.is(parseW3cDate('1994-11-05T13:15:30Z')?.toISOString(), '1994-11-05T13:15:30.000Z');
  assert.is(parseW3cDate('1994-11-05T13:15:30'), null);
  assert.is(parseW3cDate('1994-11-05'), null);
});

test.run();
