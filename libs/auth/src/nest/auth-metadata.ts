import { SetMetadata } from '@nestjs/common';
import type { Permission } from '../policy/policy-table';

export const PUBLIC_ROUTE = 'frontdoor:auth:public';
export const REQUIRED_PERMISSION = 'frontdoor:auth:requires';

/** Open to anyone, without a token. Only /health/* should carry this (docs/api.md). */
export const Public = () => SetMetadata(PUBLIC_ROUTE, true);

/** Needs a valid token whose roles the policy table allows for `permission`. */
export const Requires = (permission: Permission) => SetMetadata(REQUIRED_PERMISSION, permission);
