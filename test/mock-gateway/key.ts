import { bearerKeyProblem } from './auth';
import { toUsd } from './cost';
import type { GatewayState } from './gatewayState';
import { sendError, sendJson, type Exchange } from './http';

/** The key's data, with every field the SDK's GetCurrentKeyData requires. */
export interface KeyWire {
	label: string;
	limit: number | null;
	limit_remaining: number | null;
	limit_reset: string | null;
	usage: number;
	usage_daily: number;
	usage_weekly: number;
	usage_monthly: number;
	byok_usage: number;
	byok_usage_daily: number;
	byok_usage_weekly: number;
	byok_usage_monthly: number;
	include_byok_in_limit: boolean;
	is_free_tier: boolean;
	is_management_key: boolean;
	is_provisioning_key: boolean;
	allowed_data_regions: string[];
	creator_user_id: string | null;
	organization_id: string | null;
	workspace_id: string | null;
	expires_at: string | null;
	free_model_daily_requests: { limit: number; remaining: number; used: number };
	rate_limit: { requests: number; interval: string; note: string };
}

/** GET /key: the calling key, its spend being what this gateway charged since start or reset. */
export function handleKey(state: GatewayState, { req, res }: Exchange): void {
	const keyProblem = bearerKeyProblem(req, state.apiKey);
	if (keyProblem) return sendError(res, 401, keyProblem);
	const spent = toUsd(state.spent);
	const data: KeyWire = {
		label: `${state.apiKey.slice(0, 8)}...${state.apiKey.slice(-3)}`,
		limit: null,
		limit_remaining: null,
		limit_reset: null,
		usage: spent,
		usage_daily: spent,
		usage_weekly: spent,
		usage_monthly: spent,
		byok_usage: 0,
		byok_usage_daily: 0,
		byok_usage_weekly: 0,
		byok_usage_monthly: 0,
		include_byok_in_limit: false,
		is_free_tier: false,
		is_management_key: false,
		is_provisioning_key: false,
		allowed_data_regions: ['global'],
		creator_user_id: null,
		organization_id: null,
		workspace_id: null,
		expires_at: null,
		free_model_daily_requests: { limit: 1000, remaining: 1000, used: 0 },
		rate_limit: {
			requests: -1,
			interval: '10s',
			note: 'This field is deprecated and safe to ignore.',
		},
	};
	sendJson(res, 200, { data });
}
