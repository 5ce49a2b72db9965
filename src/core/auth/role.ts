/** Who a user is to the engine; access rules and the assessment's transitions are stated in these terms. */
export const ROLES = ['official', 'reviewer', 'certifier', 'admin'] as const;
export type Role = (typeof ROLES)[number];
