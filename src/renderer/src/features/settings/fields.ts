/**
 * Every setting the dialog edits, as data: its path in Settings (also the path zod reports a
 * problem at), a plain-words label, a unit and a line of why. One list drives the form, the patch
 * and the error messages, so a setting cannot be shown without being saved or vice versa.
 */
import type { Settings } from '@shared/domain/settings';

export type FieldKind = 'text' | 'number' | 'integer' | 'checkbox';

export interface FieldDef {
  /** Dotted path in Settings: `orders.collar.maxPctThroughMid`. */
  id: string;
  kind: FieldKind;
  label: string;
  unit?: string;
  help?: string;
}

export interface FieldGroup {
  title: string;
  help?: string;
  fields: readonly FieldDef[];
}

export const LIVE_ACCOUNT_FIELD = 'trading.liveTradingAccount';

export const FIELD_GROUPS: readonly FieldGroup[] = [
  {
    title: 'Live trading',
    fields: [
      {
        id: LIVE_ACCOUNT_FIELD,
        kind: 'text',
        label: 'Live trading account id',
        help:
          'Live orders are refused unless this equals the id of the connected live account. ' +
          'Leave it empty to trade on paper and the simulator only.',
      },
      {
        id: 'trading.marketOrdersAllowed',
        kind: 'checkbox',
        label: 'Allow market orders',
        help: 'Off: every order needs a limit price.',
      },
    ],
  },
  {
    title: 'Price collar',
    help:
      'A limit price further through the mid than both allowances is refused as a fat finger: ' +
      'cheap options are judged in ticks, dear ones in percent.',
    fields: [
      {
        id: 'orders.collar.maxPctThroughMid',
        kind: 'number',
        label: 'Max percent through mid',
        unit: '%',
      },
      {
        id: 'orders.collar.maxTicksThroughMid',
        kind: 'integer',
        label: 'Max ticks through mid',
        unit: 'ticks',
      },
    ],
  },
  {
    title: 'Order size',
    fields: [
      {
        id: 'orders.maxContractsPerOrder',
        kind: 'integer',
        label: 'Max contracts per order',
        unit: 'contracts',
        help: 'Shares count as contracts of 100.',
      },
      {
        id: 'orders.maxNotional',
        kind: 'number',
        label: 'Max notional per order',
        unit: '$',
        help: 'Underlying price × multiplier × contracts, added over the legs.',
      },
    ],
  },
  {
    title: 'Throttle',
    fields: [
      {
        id: 'orders.rate.maxOrders',
        kind: 'integer',
        label: 'Max orders in the rate window',
        unit: 'orders',
      },
      {
        id: 'orders.rate.perSeconds',
        kind: 'integer',
        label: 'Rate window',
        unit: 's',
        help: 'Orders sent within any window of this length count against the limit above.',
      },
      {
        id: 'orders.duplicateWindowSeconds',
        kind: 'integer',
        label: 'Duplicate window',
        unit: 's',
        help: 'The same order again within this time must be sent again on purpose.',
      },
      {
        id: 'orders.confirmTimeoutSeconds',
        kind: 'integer',
        label: 'Confirmation timeout',
        unit: 's',
        help: 'How long a reviewed order can still be confirmed.',
      },
    ],
  },
  {
    title: 'Walking limit orders',
    fields: [
      {
        id: 'orders.walk.stepSeconds',
        kind: 'integer',
        label: 'Walking limit step',
        unit: 's',
        help: 'A walking limit order moves its price toward the market once per step.',
      },
      {
        id: 'orders.walk.maxSteps',
        kind: 'integer',
        label: 'Walking limit max steps',
        unit: 'steps',
      },
      {
        id: 'orders.walk.regularHoursOnly',
        kind: 'checkbox',
        label: 'Walk in regular hours only',
        help: '09:30–16:00 New York, Monday to Friday.',
      },
    ],
  },
];

export const FIELDS: readonly FieldDef[] = FIELD_GROUPS.flatMap((g) => g.fields);

const BY_ID = new Map(FIELDS.map((f) => [f.id, f]));

export function fieldById(id: string): FieldDef | undefined {
  return BY_ID.get(id);
}

/** The label with its unit, as error messages name a field: "Rate window (s)". */
export function fullLabel(field: FieldDef): string {
  return field.unit ? `${field.label} (${field.unit})` : field.label;
}

/** The value at a field's path in the settings. */
export function valueAt(settings: Settings, id: string): unknown {
  let v: unknown = settings;
  for (const key of id.split('.')) v = (v as Record<string, unknown> | null)?.[key];
  return v;
}
