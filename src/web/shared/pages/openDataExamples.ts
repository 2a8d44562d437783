// The copy-paste examples of the open-data page. They use the names of schema.graphql (budget, budgetLine,
// transactions, supplier, suppliers, assets, imports, transactionRecorded); a test validates them
// against the schema, so a renamed field cannot leave the page with broken examples, and another asks them of
// the fixture year: each names a line, a supplier or words that are there (test/web/openDataOnFixtureYear).

export interface GraphqlExample {
  readonly id: string;
  readonly query: string;
}

export const graphqlExamples = (year: number): readonly GraphqlExample[] => [
  {
    id: 'budget',
    query: `query Budget {
  budget(year: ${year}) {
    year
    revenue { initial final assessed collected }
    expense { initial final committed ordered paid }
    lines { kae title side final committed paid collected }
  }
}`,
  },
  {
    id: 'budget-line',
    query: `query Line {
  budgetLine(year: ${year}, kae: "30-6262") {
    kae
    title
    initial
    adjustments
    final
    committed
    ordered
    paid
  }
}`,
  },
  {
    id: 'transactions',
    query: `query Payments($after: String) {
  transactions(filter: { year: ${year}, type: PAYMENT, search: "ηλεκτρικής ενέργειας" }, first: 100, after: $after) {
    totalCount
    edges {
      cursor
      node {
        id date type kae amount document ref ada description
        counterparty { afm name naturalPerson }
      }
    }
    pageInfo { hasNextPage endCursor }
  }
}`,
  },
  {
    id: 'suppliers',
    query: `query Suppliers {
  suppliers(year: ${year}, first: 20) {
    totalCount
    edges { node { afm name paid } }
    pageInfo { hasNextPage endCursor }
  }
  supplier(afm: "096669110") { afm name paid }
}`,
  },
  {
    id: 'assets',
    query: `query Property {
  assets(first: 50) {
    totalCount
    edges { node { id name category status value } }
    pageInfo { hasNextPage endCursor }
  }
}`,
  },
  {
    id: 'imports',
    query: `query ImportLog {
  imports(first: 20) {
    edges { node { fileName startedAt rows imported duplicates rejected outcome } }
    pageInfo { hasNextPage endCursor }
  }
}`,
  },
  {
    id: 'subscription',
    query: `subscription NewPayments {
  transactionRecorded(filter: { type: PAYMENT }) {
    id date kae amount description
    counterparty { name naturalPerson }
  }
}`,
  },
];

/** A whole request from the command line, for readers who have never used GraphQL. */
export const curlExample = (origin: string, year: number): string =>
  `curl -s ${origin}/graphql \\
  -H 'content-type: application/json' \\
  -d '{"query":"{ budget(year: ${year}) { expense { final paid } revenue { final collected } } }"}'`;

export const liveFeedExample = (origin: string): string => `const feed = new WebSocket('${origin.replace(/^http/, 'ws')}/live');
feed.addEventListener('message', (event) => {
  const message = JSON.parse(event.data);
  if (message.type === 'transaction') {
    console.log(message.data.date, message.data.type, message.data.amount);
  }
});`;

export const liveMessages = `{"type":"hello","data":{"position":8123}}
{"type":"transaction","data":{"id":"…","position":8124,"year":2025,"date":"2025-11-23","type":"PAYMENT","side":"EXPENSE","kae":"20-6262.001","amount":"1240.00","document":"ΧΕ-812","ref":"ΧΕ-811","counterparty":{"afm":"094014201","name":"…","naturalPerson":false},"ada":null,"description":"…"}}
{"type":"budgetLine","data":{"year":2025,"kae":"20-6262.001","final":"60000.00","paid":"13640.00","…":"…"}}
{"type":"refresh","data":{"position":9500}}`;

export const verifyExample = `$ opendimos verify
Η αλυσίδα είναι ακέραιη: 8123 γεγονότα, τελευταίο hash 3f9c…
The chain holds: 8123 events, head hash 3f9c…`;
