/** The kinds of producers the portal knows: enterprises, co-operatives, co-operative groups (tổ hợp tác), households. */
export const PRODUCER_TYPES = ['enterprise', 'cooperative', 'cooperative_group', 'household'] as const;

export type ProducerType = (typeof PRODUCER_TYPES)[number];
