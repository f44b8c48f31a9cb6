/** State of the transport between this renderer and the Bulwark core. */
export type LinkStatus = 'connecting' | 'open' | 'closed';

export interface LinkState {
  status: LinkStatus;
  /** True once the link has been open at least once (a later close is a loss, not a start). */
  everOpen: boolean;
  /** Reconnect attempts since the link was last open. */
  retries: number;
}

export const INITIAL_LINK: LinkState = { status: 'connecting', everOpen: false, retries: 0 };
