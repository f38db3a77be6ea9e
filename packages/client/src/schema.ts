// Generated from openapi.json by scripts/generate.ts: do not edit.
// Regenerate with: npm run generate --workspace @hookline/client
export interface paths {
    "/auth/link": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Use a one-time sign-in link */
        get: {
            parameters: {
                query?: {
                    token?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description To the dashboard when the link is valid, else to the sign-in page. */
                303: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description A client error: `{message, errors?}`. */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Messages per field (`field` or `field.0.name`), for 422 answers. */
                            errors?: {
                                [key: string]: string[];
                            };
                            /** @description What went wrong, in one sentence. */
                            message: string;
                        };
                    };
                };
                /** @description A client error: `{message, errors?}`. */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Messages per field (`field` or `field.0.name`), for 422 answers. */
                            errors?: {
                                [key: string]: string[];
                            };
                            /** @description What went wrong, in one sentence. */
                            message: string;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/auth/session": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The current dashboard session */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description A dashboard session. */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Send it as `x-csrf-token` on every state-changing `/v1` request. */
                            csrf_token: string;
                            /** @description When the session ends (absolute, not sliding). */
                            expires_at: string;
                            program: {
                                id: string;
                                name: string;
                            };
                        };
                    };
                };
                /** @description A client error: `{message, errors?}`. */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Messages per field (`field` or `field.0.name`), for 422 answers. */
                            errors?: {
                                [key: string]: string[];
                            };
                            /** @description What went wrong, in one sentence. */
                            message: string;
                        };
                    };
                };
                /** @description A client error: `{message, errors?}`. */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Messages per field (`field` or `field.0.name`), for 422 answers. */
                            errors?: {
                                [key: string]: string[];
                            };
                            /** @description What went wrong, in one sentence. */
                            message: string;
                        };
                    };
                };
            };
        };
        put?: never;
        /** Sign in to the dashboard with an API key */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        api_key: string;
                    };
                };
            };
            responses: {
                /** @description A dashboard session. */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Send it as `x-csrf-token` on every state-changing `/v1` request. */
                            csrf_token: string;
                            /** @description When the session ends (absolute, not sliding). */
                            expires_at: string;
                            program: {
                                id: string;
                                name: string;
                            };
                        };
                    };
                };
                /** @description A client error: `{message, errors?}`. */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Messages per field (`field` or `field.0.name`), for 422 answers. */
                            errors?: {
                                [key: string]: string[];
                            };
                            /** @description What went wrong, in one sentence. */
                            message: string;
                        };
                    };
                };
                /** @description A client error: `{message, errors?}`. */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Messages per field (`field` or `field.0.name`), for 422 answers. */
                            errors?: {
                                [key: string]: string[];
                            };
                            /** @description What went wrong, in one sentence. */
                            message: string;
                        };
                    };
                };
            };
        };
        /** Sign out of the dashboard */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Signed out. */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description A client error: `{message, errors?}`. */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Messages per field (`field` or `field.0.name`), for 422 answers. */
                            errors?: {
                                [key: string]: string[];
                            };
                            /** @description What went wrong, in one sentence. */
                            message: string;
                        };
                    };
                };
                /** @description A client error: `{message, errors?}`. */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Messages per field (`field` or `field.0.name`), for 422 answers. */
                            errors?: {
                                [key: string]: string[];
                            };
                            /** @description What went wrong, in one sentence. */
                            message: string;
                        };
                    };
                };
            };
        };
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/healthz": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Liveness probe */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description The process is up. */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {string} */
                            status: "ok";
                        };
                    };
                };
                /** @description A client error: `{message, errors?}`. */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Messages per field (`field` or `field.0.name`), for 422 answers. */
                            errors?: {
                                [key: string]: string[];
                            };
                            /** @description What went wrong, in one sentence. */
                            message: string;
                        };
                    };
                };
                /** @description A client error: `{message, errors?}`. */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Messages per field (`field` or `field.0.name`), for 422 answers. */
                            errors?: {
                                [key: string]: string[];
                            };
                            /** @description What went wrong, in one sentence. */
                            message: string;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/metrics": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Prometheus metrics */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Prometheus text exposition of this process’s metrics. */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "text/plain": string;
                    };
                };
                /** @description A client error: `{message, errors?}`. */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Messages per field (`field` or `field.0.name`), for 422 answers. */
                            errors?: {
                                [key: string]: string[];
                            };
                            /** @description What went wrong, in one sentence. */
                            message: string;
                        };
                    };
                };
                /** @description A client error: `{message, errors?}`. */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Messages per field (`field` or `field.0.name`), for 422 answers. */
                            errors?: {
                                [key: string]: string[];
                            };
                            /** @description What went wrong, in one sentence. */
                            message: string;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/portal/api/balance": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The partner's balance per currency */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            data: {
                                amount_units: string;
                                /** @description Approved and in no payout request: what a request pays. */
                                available: number;
                                /** @description Held by an open payout request. */
                                in_payout: number;
                                /** @description Commissions still in their review period. */
                                in_review: number;
                                paid: number;
                            }[];
                        };
                    };
                };
                /** @description A client error: `{message, errors?}`. */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Messages per field (`field` or `field.0.name`), for 422 answers. */
                            errors?: {
                                [key: string]: string[];
                            };
                            /** @description What went wrong, in one sentence. */
                            message: string;
                        };
                    };
                };
                /** @description A client error: `{message, errors?}`. */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Messages per field (`field` or `field.0.name`), for 422 answers. */
                            errors?: {
                                [key: string]: string[];
                            };
                            /** @description What went wrong, in one sentence. */
                            message: string;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/portal/api/me": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The signed-in partner */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            data: {
                                /** @description Send it as `x-csrf-token` on every non-GET request. */
                                csrf_token: string;
                                /**
                                 * @description `masked` (default) shows partners their referrals as `a***@e***.com`.
                                 * @enum {string}
                                 */
                                customer_pii: "masked" | "visible";
                                /** @description ISO 8601, UTC */
                                expires_at: string;
                                partner: {
                                    email: string;
                                    id: string;
                                    key: string;
                                    name: string | null;
                                    status: string;
                                    surname: string | null;
                                };
                                program: {
                                    id: string;
                                    name: string;
                                    website_url: string | null;
                                };
                            };
                        };
                    };
                };
                /** @description A client error: `{message, errors?}`. */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Messages per field (`field` or `field.0.name`), for 422 answers. */
                            errors?: {
                                [key: string]: string[];
                            };
                            /** @description What went wrong, in one sentence. */
                            message: string;
                        };
                    };
                };
                /** @description A client error: `{message, errors?}`. */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Messages per field (`field` or `field.0.name`), for 422 answers. */
                            errors?: {
                                [key: string]: string[];
                            };
                            /** @description What went wrong, in one sentence. */
                            message: string;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/portal/api/notices": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Notices about the partner's postbacks (one Hookline disabled, and why) */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            data: {
                                /** @description ISO 8601, UTC */
                                created_at: string;
                                id: string;
                                message: string;
                                postback_id: string;
                                /** @enum {string} */
                                type: "postback.disabled";
                                url: string;
                            }[];
                        };
                    };
                };
                /** @description A client error: `{message, errors?}`. */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Messages per field (`field` or `field.0.name`), for 422 answers. */
                            errors?: {
                                [key: string]: string[];
                            };
                            /** @description What went wrong, in one sentence. */
                            message: string;
                        };
                    };
                };
                /** @description A client error: `{message, errors?}`. */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Messages per field (`field` or `field.0.name`), for 422 answers. */
                            errors?: {
                                [key: string]: string[];
                            };
                            /** @description What went wrong, in one sentence. */
                            message: string;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/portal/api/payout-details": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The payout method and details the partner keeps */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            data: {
                                gateway: string | null;
                                payout_settings: {
                                    [key: string]: string;
                                };
                                updated_at: string | null;
                            };
                        };
                    };
                };
                /** @description A client error: `{message, errors?}`. */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Messages per field (`field` or `field.0.name`), for 422 answers. */
                            errors?: {
                                [key: string]: string[];
                            };
                            /** @description What went wrong, in one sentence. */
                            message: string;
                        };
                    };
                };
                /** @description A client error: `{message, errors?}`. */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Messages per field (`field` or `field.0.name`), for 422 answers. */
                            errors?: {
                                [key: string]: string[];
                            };
                            /** @description What went wrong, in one sentence. */
                            message: string;
                        };
                    };
                };
            };
        };
        /** Keep a payout method and details for payout requests */
        put: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        gateway?: string | null;
                        payout_settings?: {
                            [key: string]: string;
                        };
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            data: {
                                gateway: string | null;
                                payout_settings: {
                                    [key: string]: string;
                                };
                                updated_at: string | null;
                            };
                        };
                    };
                };
                /** @description A client error: `{message, errors?}`. */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Messages per field (`field` or `field.0.name`), for 422 answers. */
                            errors?: {
                                [key: string]: string[];
                            };
                            /** @description What went wrong, in one sentence. */
                            message: string;
                        };
                    };
                };
                /** @description A client error: `{message, errors?}`. */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Messages per field (`field` or `field.0.name`), for 422 answers. */
                            errors?: {
                                [key: string]: string[];
                            };
                            /** @description What went wrong, in one sentence. */
                            message: string;
                        };
                    };
                };
            };
        };
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/portal/api/payouts": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The partner's payout requests */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            data: {
                                amount: number;
                                amount_units: string;
                                approved_at: string | null;
                                created_at: string;
                                gateway: string | null;
                                id: number;
                                paid_at: string | null;
                                partner: string;
                                payout_settings: {
                                    [key: string]: string;
                                };
                                rejected_at: string | null;
                                rewards: string[];
                                /** @enum {string} */
                                status: "requested" | "approved" | "finished" | "rejected" | "resubmit_requested" | "resubmitted";
                                updated_at: string;
                            }[];
                        };
                    };
                };
                /** @description A client error: `{message, errors?}`. */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Messages per field (`field` or `field.0.name`), for 422 answers. */
                            errors?: {
                                [key: string]: string[];
                            };
                            /** @description What went wrong, in one sentence. */
                            message: string;
                        };
                    };
                };
                /** @description A client error: `{message, errors?}`. */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Messages per field (`field` or `field.0.name`), for 422 answers. */
                            errors?: {
                                [key: string]: string[];
                            };
                            /** @description What went wrong, in one sentence. */
                            message: string;
                        };
                    };
                };
            };
        };
        put?: never;
        /** Request a payout of the available balance in a currency, with the kept payout details */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description The currency of the balance to pay out */
                        amount_units: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            data: {
                                amount: number;
                                amount_units: string;
                                approved_at: string | null;
                                created_at: string;
                                gateway: string | null;
                                id: number;
                                paid_at: string | null;
                                partner: string;
                                payout_settings: {
                                    [key: string]: string;
                                };
                                rejected_at: string | null;
                                rewards: string[];
                                /** @enum {string} */
                                status: "requested" | "approved" | "finished" | "rejected" | "resubmit_requested" | "resubmitted";
                                updated_at: string;
                            };
                        };
                    };
                };
                /** @description A client error: `{message, errors?}`. */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Messages per field (`field` or `field.0.name`), for 422 answers. */
                            errors?: {
                                [key: string]: string[];
                            };
                            /** @description What went wrong, in one sentence. */
                            message: string;
                        };
                    };
                };
                /** @description A client error: `{message, errors?}`. */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Messages per field (`field` or `field.0.name`), for 422 answers. */
                            errors?: {
                                [key: string]: string[];
                            };
                            /** @description What went wrong, in one sentence. */
                            message: string;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/portal/api/payouts/{id}/resubmit": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Resubmit a payout request the program sent back, with corrected details */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        gateway?: string | null;
                        payout_settings?: {
                            [key: string]: string;
                        };
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            data: {
                                amount: number;
                                amount_units: string;
                                approved_at: string | null;
                                created_at: string;
                                gateway: string | null;
                                id: number;
                                paid_at: string | null;
                                partner: string;
                                payout_settings: {
                                    [key: string]: string;
                                };
                                rejected_at: string | null;
                                rewards: string[];
                                /** @enum {string} */
                                status: "requested" | "approved" | "finished" | "rejected" | "resubmit_requested" | "resubmitted";
                                updated_at: string;
                            };
                        };
                    };
                };
                /** @description A client error: `{message, errors?}`. */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Messages per field (`field` or `field.0.name`), for 422 answers. */
                            errors?: {
                                [key: string]: string[];
                            };
                            /** @description What went wrong, in one sentence. */
                            message: string;
                        };
                    };
                };
                /** @description A client error: `{message, errors?}`. */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Messages per field (`field` or `field.0.name`), for 422 answers. */
                            errors?: {
                                [key: string]: string[];
                            };
                            /** @description What went wrong, in one sentence. */
                            message: string;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/portal/api/postbacks": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The partner's postbacks */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            data: {
                                consecutive_failures: number;
                                /** @description ISO 8601, UTC */
                                created_at: string;
                                disabled_at: string | null;
                                /** @description Why Hookline disabled it, while it stays disabled. */
                                disabled_reason: string | null;
                                events: string[];
                                failing_since: string | null;
                                /**
                                 * @description `webhook`: Hookline's signed envelope; `url`: a URL template with macros.
                                 * @enum {string}
                                 */
                                format: "webhook" | "url";
                                id: string;
                                is_active: boolean;
                                /** @description url format: `GET` or `POST` (a form body); null for webhook format. */
                                method: ("GET" | "POST") | null;
                                partner: {
                                    id: string;
                                    key: string;
                                };
                                /** @description The signing secret (webhook format; `Signature` and Standard Webhooks headers). Null for url format. */
                                secret: string | null;
                                /** @description ISO 8601, UTC */
                                updated_at: string;
                                /** @description The endpoint (webhook format) or the URL template (url format). */
                                url: string;
                            }[];
                        };
                    };
                };
                /** @description A client error: `{message, errors?}`. */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Messages per field (`field` or `field.0.name`), for 422 answers. */
                            errors?: {
                                [key: string]: string[];
                            };
                            /** @description What went wrong, in one sentence. */
                            message: string;
                        };
                    };
                };
                /** @description A client error: `{message, errors?}`. */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Messages per field (`field` or `field.0.name`), for 422 answers. */
                            errors?: {
                                [key: string]: string[];
                            };
                            /** @description What went wrong, in one sentence. */
                            message: string;
                        };
                    };
                };
            };
        };
        put?: never;
        /** Register a postback (at most 5 per partner unless the program says otherwise) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description Event types, among those the program allows. */
                        events: ("customer.created" | "transaction.created" | "transaction.deleted" | "reward.created" | "reward.approved" | "reward.paid" | "lead.submitted" | "lead.converted")[];
                        /** @enum {string} */
                        format: "webhook" | "url";
                        is_active?: boolean | null;
                        /** @description url format only; default `GET`. */
                        method?: ("GET" | "POST") | null;
                        url: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description A partner's postback. */
                            data: {
                                consecutive_failures: number;
                                /** @description ISO 8601, UTC */
                                created_at: string;
                                disabled_at: string | null;
                                /** @description Why Hookline disabled it, while it stays disabled. */
                                disabled_reason: string | null;
                                events: string[];
                                failing_since: string | null;
                                /**
                                 * @description `webhook`: Hookline's signed envelope; `url`: a URL template with macros.
                                 * @enum {string}
                                 */
                                format: "webhook" | "url";
                                id: string;
                                is_active: boolean;
                                /** @description url format: `GET` or `POST` (a form body); null for webhook format. */
                                method: ("GET" | "POST") | null;
                                partner: {
                                    id: string;
                                    key: string;
                                };
                                /** @description The signing secret (webhook format; `Signature` and Standard Webhooks headers). Null for url format. */
                                secret: string | null;
                                /** @description ISO 8601, UTC */
                                updated_at: string;
                                /** @description The endpoint (webhook format) or the URL template (url format). */
                                url: string;
                            };
                        };
                    };
                };
                /** @description A client error: `{message, errors?}`. */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Messages per field (`field` or `field.0.name`), for 422 answers. */
                            errors?: {
                                [key: string]: string[];
                            };
                            /** @description What went wrong, in one sentence. */
                            message: string;
                        };
                    };
                };
                /** @description A client error: `{message, errors?}`. */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Messages per field (`field` or `field.0.name`), for 422 answers. */
                            errors?: {
                                [key: string]: string[];
                            };
                            /** @description What went wrong, in one sentence. */
                            message: string;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/portal/api/postbacks/{postback}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Show a postback */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    postback: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description A partner's postback. */
                            data: {
                                consecutive_failures: number;
                                /** @description ISO 8601, UTC */
                                created_at: string;
                                disabled_at: string | null;
                                /** @description Why Hookline disabled it, while it stays disabled. */
                                disabled_reason: string | null;
                                events: string[];
                                failing_since: string | null;
                                /**
                                 * @description `webhook`: Hookline's signed envelope; `url`: a URL template with macros.
                                 * @enum {string}
                                 */
                                format: "webhook" | "url";
                                id: string;
                                is_active: boolean;
                                /** @description url format: `GET` or `POST` (a form body); null for webhook format. */
                                method: ("GET" | "POST") | null;
                                partner: {
                                    id: string;
                                    key: string;
                                };
                                /** @description The signing secret (webhook format; `Signature` and Standard Webhooks headers). Null for url format. */
                                secret: string | null;
                                /** @description ISO 8601, UTC */
                                updated_at: string;
                                /** @description The endpoint (webhook format) or the URL template (url format). */
                                url: string;
                            };
                        };
                    };
                };
                /** @description A client error: `{message, errors?}`. */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Messages per field (`field` or `field.0.name`), for 422 answers. */
                            errors?: {
                                [key: string]: string[];
                            };
                            /** @description What went wrong, in one sentence. */
                            message: string;
                        };
                    };
                };
                /** @description A client error: `{message, errors?}`. */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Messages per field (`field` or `field.0.name`), for 422 answers. */
                            errors?: {
                                [key: string]: string[];
                            };
                            /** @description What went wrong, in one sentence. */
                            message: string;
                        };
                    };
                };
            };
        };
        /** Update a postback (partial); `is_active` disables or enables it */
        put: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    postback: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        events?: ("customer.created" | "transaction.created" | "transaction.deleted" | "reward.created" | "reward.approved" | "reward.paid" | "lead.submitted" | "lead.converted")[] | null;
                        is_active?: boolean | null;
                        method?: ("GET" | "POST") | null;
                        url?: string | null;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description A partner's postback. */
                            data: {
                                consecutive_failures: number;
                                /** @description ISO 8601, UTC */
                                created_at: string;
                                disabled_at: string | null;
                                /** @description Why Hookline disabled it, while it stays disabled. */
                                disabled_reason: string | null;
                                events: string[];
                                failing_since: string | null;
                                /**
                                 * @description `webhook`: Hookline's signed envelope; `url`: a URL template with macros.
                                 * @enum {string}
                                 */
                                format: "webhook" | "url";
                                id: string;
                                is_active: boolean;
                                /** @description url format: `GET` or `POST` (a form body); null for webhook format. */
                                method: ("GET" | "POST") | null;
                                partner: {
                                    id: string;
                                    key: string;
                                };
                                /** @description The signing secret (webhook format; `Signature` and Standard Webhooks headers). Null for url format. */
                                secret: string | null;
                                /** @description ISO 8601, UTC */
                                updated_at: string;
                                /** @description The endpoint (webhook format) or the URL template (url format). */
                                url: string;
                            };
                        };
                    };
                };
                /** @description A client error: `{message, errors?}`. */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Messages per field (`field` or `field.0.name`), for 422 answers. */
                            errors?: {
                                [key: string]: string[];
                            };
                            /** @description What went wrong, in one sentence. */
                            message: string;
                        };
                    };
                };
                /** @description A client error: `{message, errors?}`. */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Messages per field (`field` or `field.0.name`), for 422 answers. */
                            errors?: {
                                [key: string]: string[];
                            };
                            /** @description What went wrong, in one sentence. */
                            message: string;
                        };
                    };
                };
            };
        };
        post?: never;
        /** Delete a postback (its pending deliveries are cancelled) */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    postback: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Deleted. */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description A client error: `{message, errors?}`. */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Messages per field (`field` or `field.0.name`), for 422 answers. */
                            errors?: {
                                [key: string]: string[];
                            };
                            /** @description What went wrong, in one sentence. */
                            message: string;
                        };
                    };
                };
                /** @description A client error: `{message, errors?}`. */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Messages per field (`field` or `field.0.name`), for 422 answers. */
                            errors?: {
                                [key: string]: string[];
                            };
                            /** @description What went wrong, in one sentence. */
                            message: string;
                        };
                    };
                };
            };
        };
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/portal/api/postbacks/{postback}/deliveries": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The postback's newest 50 deliveries, each with its attempts */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    postback: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            data: {
                                attempt_log: {
                                    delivery_id: string;
                                    duration_ms: number;
                                    error_class: string | null;
                                    error_message: string | null;
                                    id: string;
                                    /** @description 1 for the first attempt. */
                                    number: number;
                                    request_headers: {
                                        [key: string]: string;
                                    };
                                    /** @description The first 16 KiB of the answer. */
                                    response_body: string | null;
                                    response_headers: {
                                        [key: string]: string;
                                    } | null;
                                    response_status: number | null;
                                    /** @description ISO 8601, microseconds, UTC. */
                                    started_at: string;
                                    succeeded: boolean;
                                    /**
                                     * @description `scheduled`, `manual` or `test`.
                                     * @enum {string}
                                     */
                                    trigger: "scheduled" | "manual" | "test";
                                }[];
                                /** @description Attempts made so far. */
                                attempts: number;
                                cancel_reason: string | null;
                                completed_at: string | null;
                                /** @description ISO 8601, microseconds, UTC. */
                                created_at: string;
                                /** @description The event type. */
                                event: string;
                                event_id: string;
                                id: string;
                                last_attempt_at: string | null;
                                last_error: string | null;
                                last_status_code: number | null;
                                next_attempt_at: string | null;
                                /**
                                 * @description `pending`, `succeeded`, `failed` or `cancelled`.
                                 * @enum {string}
                                 */
                                status: "pending" | "succeeded" | "failed" | "cancelled";
                                /** @description ISO 8601, microseconds, UTC. */
                                updated_at: string;
                                /** @description The destination, as it was when the event was dispatched. */
                                url: string;
                                /** @description The webhook it was sent to (kept after a deletion). */
                                webhook_key: string;
                            }[];
                        };
                    };
                };
                /** @description A client error: `{message, errors?}`. */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Messages per field (`field` or `field.0.name`), for 422 answers. */
                            errors?: {
                                [key: string]: string[];
                            };
                            /** @description What went wrong, in one sentence. */
                            message: string;
                        };
                    };
                };
                /** @description A client error: `{message, errors?}`. */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Messages per field (`field` or `field.0.name`), for 422 answers. */
                            errors?: {
                                [key: string]: string[];
                            };
                            /** @description What went wrong, in one sentence. */
                            message: string;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/portal/api/postbacks/{postback}/rotate-secret": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Rotate the signing secret of a webhook-format postback
         * @description As a webhook's: the previous secret keeps signing for `grace_period_seconds` (default the server's grace period, 24 h), and `Signature` switches to the new secret at `signature_switches_at`.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    postback: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        grace_period_seconds?: number;
                    } | null;
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            data: {
                                consecutive_failures: number;
                                /** @description ISO 8601, UTC */
                                created_at: string;
                                disabled_at: string | null;
                                /** @description Why Hookline disabled it, while it stays disabled. */
                                disabled_reason: string | null;
                                events: string[];
                                failing_since: string | null;
                                /**
                                 * @description `webhook`: Hookline's signed envelope; `url`: a URL template with macros.
                                 * @enum {string}
                                 */
                                format: "webhook" | "url";
                                id: string;
                                is_active: boolean;
                                /** @description url format: `GET` or `POST` (a form body); null for webhook format. */
                                method: ("GET" | "POST") | null;
                                partner: {
                                    id: string;
                                    key: string;
                                };
                                /** @description The signing secret (webhook format; `Signature` and Standard Webhooks headers). Null for url format. */
                                secret: string | null;
                                signature_switches_at: string | null;
                                /** @description ISO 8601, UTC */
                                updated_at: string;
                                /** @description The endpoint (webhook format) or the URL template (url format). */
                                url: string;
                            };
                        };
                    };
                };
                /** @description A client error: `{message, errors?}`. */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Messages per field (`field` or `field.0.name`), for 422 answers. */
                            errors?: {
                                [key: string]: string[];
                            };
                            /** @description What went wrong, in one sentence. */
                            message: string;
                        };
                    };
                };
                /** @description A client error: `{message, errors?}`. */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Messages per field (`field` or `field.0.name`), for 422 answers. */
                            errors?: {
                                [key: string]: string[];
                            };
                            /** @description What went wrong, in one sentence. */
                            message: string;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/portal/api/postbacks/{postback}/test": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Send an event type's sample to the postback now, and answer with the attempt
         * @description Records a test event (source `test`) carrying the event type's sample, addressed to this partner, with one delivery to this postback, attempts it once now through the real signing, SSRF guard and sending path, and answers with the attempt. Never retried.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    postback: string;
                };
                cookie?: never;
            };
            /** @description `event`: which sample to send; default the postback’s first event. */
            requestBody: {
                content: {
                    "application/json": {
                        /** @enum {string} */
                        event?: "customer.created" | "transaction.created" | "transaction.deleted" | "reward.created" | "reward.approved" | "reward.paid" | "lead.submitted" | "lead.converted";
                    } | null;
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            data: {
                                /** @description An attempt of a delivery. */
                                attempt: {
                                    delivery_id: string;
                                    duration_ms: number;
                                    error_class: string | null;
                                    error_message: string | null;
                                    id: string;
                                    /** @description 1 for the first attempt. */
                                    number: number;
                                    request_headers: {
                                        [key: string]: string;
                                    };
                                    /** @description The first 16 KiB of the answer. */
                                    response_body: string | null;
                                    response_headers: {
                                        [key: string]: string;
                                    } | null;
                                    response_status: number | null;
                                    /** @description ISO 8601, microseconds, UTC. */
                                    started_at: string;
                                    succeeded: boolean;
                                    /**
                                     * @description `scheduled`, `manual` or `test`.
                                     * @enum {string}
                                     */
                                    trigger: "scheduled" | "manual" | "test";
                                };
                                /** @description A delivery: one event going to one webhook. */
                                delivery: {
                                    /** @description Attempts made so far. */
                                    attempts: number;
                                    cancel_reason: string | null;
                                    completed_at: string | null;
                                    /** @description ISO 8601, microseconds, UTC. */
                                    created_at: string;
                                    /** @description The event type. */
                                    event: string;
                                    event_id: string;
                                    id: string;
                                    last_attempt_at: string | null;
                                    last_error: string | null;
                                    last_status_code: number | null;
                                    next_attempt_at: string | null;
                                    /**
                                     * @description `pending`, `succeeded`, `failed` or `cancelled`.
                                     * @enum {string}
                                     */
                                    status: "pending" | "succeeded" | "failed" | "cancelled";
                                    /** @description ISO 8601, microseconds, UTC. */
                                    updated_at: string;
                                    /** @description The destination, as it was when the event was dispatched. */
                                    url: string;
                                    /** @description The webhook it was sent to (kept after a deletion). */
                                    webhook_key: string;
                                };
                                event_id: string;
                            };
                        };
                    };
                };
                /** @description A client error: `{message, errors?}`. */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Messages per field (`field` or `field.0.name`), for 422 answers. */
                            errors?: {
                                [key: string]: string[];
                            };
                            /** @description What went wrong, in one sentence. */
                            message: string;
                        };
                    };
                };
                /** @description A client error: `{message, errors?}`. */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Messages per field (`field` or `field.0.name`), for 422 answers. */
                            errors?: {
                                [key: string]: string[];
                            };
                            /** @description What went wrong, in one sentence. */
                            message: string;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/portal/api/referral-links": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The partner's referral links */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            data: {
                                /** @description ISO 8601, UTC */
                                created_at: string;
                                default: boolean;
                                key: string;
                                /** @description The program website with `?aff=<key>`; null without one. */
                                url: string | null;
                            }[];
                        };
                    };
                };
                /** @description A client error: `{message, errors?}`. */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Messages per field (`field` or `field.0.name`), for 422 answers. */
                            errors?: {
                                [key: string]: string[];
                            };
                            /** @description What went wrong, in one sentence. */
                            message: string;
                        };
                    };
                };
                /** @description A client error: `{message, errors?}`. */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Messages per field (`field` or `field.0.name`), for 422 answers. */
                            errors?: {
                                [key: string]: string[];
                            };
                            /** @description What went wrong, in one sentence. */
                            message: string;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/portal/api/referrals": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The partner's referrals; names and e-mails masked unless the program allows them */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            data: {
                                /** @description ISO 8601, UTC */
                                created_at: string;
                                email: string | null;
                                id: string;
                                name: string | null;
                                status: string;
                            }[];
                        };
                    };
                };
                /** @description A client error: `{message, errors?}`. */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Messages per field (`field` or `field.0.name`), for 422 answers. */
                            errors?: {
                                [key: string]: string[];
                            };
                            /** @description What went wrong, in one sentence. */
                            message: string;
                        };
                    };
                };
                /** @description A client error: `{message, errors?}`. */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Messages per field (`field` or `field.0.name`), for 422 answers. */
                            errors?: {
                                [key: string]: string[];
                            };
                            /** @description What went wrong, in one sentence. */
                            message: string;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/portal/api/rewards": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The partner's commissions */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            data: {
                                action: string;
                                amount: number;
                                amount_units: string;
                                approved_at: string | null;
                                /** @description ISO 8601, UTC */
                                created_at: string;
                                id: string;
                                paid_at: string | null;
                                payout_request: number | null;
                                /** @description review_period, approved, paid or cancelled */
                                status: string;
                                transaction: string | null;
                            }[];
                        };
                    };
                };
                /** @description A client error: `{message, errors?}`. */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Messages per field (`field` or `field.0.name`), for 422 answers. */
                            errors?: {
                                [key: string]: string[];
                            };
                            /** @description What went wrong, in one sentence. */
                            message: string;
                        };
                    };
                };
                /** @description A client error: `{message, errors?}`. */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Messages per field (`field` or `field.0.name`), for 422 answers. */
                            errors?: {
                                [key: string]: string[];
                            };
                            /** @description What went wrong, in one sentence. */
                            message: string;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/portal/api/transactions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Sales of the partner's referrals, with its commission on each */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            data: {
                                amount: number;
                                amount_units: string;
                                commission: {
                                    amount: number;
                                    amount_units: string;
                                    id: string;
                                    status: string;
                                } | null;
                                /** @description ISO 8601, UTC */
                                created_at: string;
                                /** @description The referral id (see referrals). */
                                customer: string;
                                key: string;
                                /** @enum {string} */
                                status: "recorded" | "archived" | "refunded";
                            }[];
                        };
                    };
                };
                /** @description A client error: `{message, errors?}`. */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Messages per field (`field` or `field.0.name`), for 422 answers. */
                            errors?: {
                                [key: string]: string[];
                            };
                            /** @description What went wrong, in one sentence. */
                            message: string;
                        };
                    };
                };
                /** @description A client error: `{message, errors?}`. */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Messages per field (`field` or `field.0.name`), for 422 answers. */
                            errors?: {
                                [key: string]: string[];
                            };
                            /** @description What went wrong, in one sentence. */
                            message: string;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/portal/auth/email-link": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** E-mail a partner a one-time sign-in link (the same answer whoever asks) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        email: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                202: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            message: string;
                        };
                    };
                };
                /** @description A client error: `{message, errors?}`. */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Messages per field (`field` or `field.0.name`), for 422 answers. */
                            errors?: {
                                [key: string]: string[];
                            };
                            /** @description What went wrong, in one sentence. */
                            message: string;
                        };
                    };
                };
                /** @description A client error: `{message, errors?}`. */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Messages per field (`field` or `field.0.name`), for 422 answers. */
                            errors?: {
                                [key: string]: string[];
                            };
                            /** @description What went wrong, in one sentence. */
                            message: string;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/portal/auth/password": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Sign in to the partner portal with a password (when the program allows it) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        email: string;
                        password: string;
                        /** @description Only this program (when the e-mail is a partner in several) */
                        program?: string;
                    };
                };
            };
            responses: {
                /** @description Signed in: the portal cookie is set. */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description A client error: `{message, errors?}`. */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Messages per field (`field` or `field.0.name`), for 422 answers. */
                            errors?: {
                                [key: string]: string[];
                            };
                            /** @description What went wrong, in one sentence. */
                            message: string;
                        };
                    };
                };
                /** @description A client error: `{message, errors?}`. */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Messages per field (`field` or `field.0.name`), for 422 answers. */
                            errors?: {
                                [key: string]: string[];
                            };
                            /** @description What went wrong, in one sentence. */
                            message: string;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/portal/auth/session": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Sign out of the partner portal */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Signed out. */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description A client error: `{message, errors?}`. */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Messages per field (`field` or `field.0.name`), for 422 answers. */
                            errors?: {
                                [key: string]: string[];
                            };
                            /** @description What went wrong, in one sentence. */
                            message: string;
                        };
                    };
                };
                /** @description A client error: `{message, errors?}`. */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Messages per field (`field` or `field.0.name`), for 422 answers. */
                            errors?: {
                                [key: string]: string[];
                            };
                            /** @description What went wrong, in one sentence. */
                            message: string;
                        };
                    };
                };
            };
        };
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/portal/sign-in": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Use a one-time partner sign-in URL */
        get: {
            parameters: {
                query?: {
                    token?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description To the portal, signed in when the URL was valid. */
                303: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description A client error: `{message, errors?}`. */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Messages per field (`field` or `field.0.name`), for 422 answers. */
                            errors?: {
                                [key: string]: string[];
                            };
                            /** @description What went wrong, in one sentence. */
                            message: string;
                        };
                    };
                };
                /** @description A client error: `{message, errors?}`. */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Messages per field (`field` or `field.0.name`), for 422 answers. */
                            errors?: {
                                [key: string]: string[];
                            };
                            /** @description What went wrong, in one sentence. */
                            message: string;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/readyz": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Readiness probe: the database answers */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description The process and its database answer. */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /**
                             * @description The storage engine in use.
                             * @enum {string}
                             */
                            database: "sqlite" | "postgres";
                            /** @enum {string} */
                            status: "ready";
                        };
                    };
                };
                /** @description The database does not answer. */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            message: string;
                            /** @enum {string} */
                            status: "unavailable";
                        };
                    };
                };
                /** @description A client error: `{message, errors?}`. */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Messages per field (`field` or `field.0.name`), for 422 answers. */
                            errors?: {
                                [key: string]: string[];
                            };
                            /** @description What went wrong, in one sentence. */
                            message: string;
                        };
                    };
                };
                /** @description A client error: `{message, errors?}`. */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Messages per field (`field` or `field.0.name`), for 422 answers. */
                            errors?: {
                                [key: string]: string[];
                            };
                            /** @description What went wrong, in one sentence. */
                            message: string;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/api-keys": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List API keys (label, prefix, created, last used, revoked), newest first */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Success. */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            data: {
                                created_at: string;
                                id: string;
                                is_active: boolean;
                                last_used_at: string | null;
                                name: string;
                                prefix: string;
                                revoked_at: string | null;
                            }[];
                            /** @enum {number} */
                            status: 1;
                        };
                    };
                };
                /** @description A client error: `{message, errors?}`. */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Messages per field (`field` or `field.0.name`), for 422 answers. */
                            errors?: {
                                [key: string]: string[];
                            };
                            /** @description What went wrong, in one sentence. */
                            message: string;
                        };
                    };
                };
                /** @description A client error: `{message, errors?}`. */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Messages per field (`field` or `field.0.name`), for 422 answers. */
                            errors?: {
                                [key: string]: string[];
                            };
                            /** @description What went wrong, in one sentence. */
                            message: string;
                        };
                    };
                };
            };
        };
        put?: never;
        /** Create an API key; the answer is the only time the key is shown */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description A label: who or what uses this key */
                        name: string;
                    };
                };
            };
            responses: {
                /** @description Success. */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            data: {
                                created_at: string;
                                id: string;
                                is_active: boolean;
                                key: string;
                                last_used_at: string | null;
                                name: string;
                                prefix: string;
                                revoked_at: string | null;
                            };
                            /** @enum {number} */
                            status: 1;
                        };
                    };
                };
                /** @description A client error: `{message, errors?}`. */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Messages per field (`field` or `field.0.name`), for 422 answers. */
                            errors?: {
                                [key: string]: string[];
                            };
                            /** @description What went wrong, in one sentence. */
                            message: string;
                        };
                    };
                };
                /** @description A client error: `{message, errors?}`. */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Messages per field (`field` or `field.0.name`), for 422 answers. */
                            errors?: {
                                [key: string]: string[];
                            };
                            /** @description What went wrong, in one sentence. */
                            message: string;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/api-keys/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Show one API key */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Success. */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            data: {
                                created_at: string;
                                id: string;
                                is_active: boolean;
                                last_used_at: string | null;
                                name: string;
                                prefix: string;
                                revoked_at: string | null;
                            };
                            /** @enum {number} */
                            status: 1;
                        };
                    };
                };
                /** @description A client error: `{message, errors?}`. */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Messages per field (`field` or `field.0.name`), for 422 answers. */
                            errors?: {
                                [key: string]: string[];
                            };
                            /** @description What went wrong, in one sentence. */
                            message: string;
                        };
                    };
                };
                /** @description A client error: `{message, errors?}`. */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Messages per field (`field` or `field.0.name`), for 422 answers. */
                            errors?: {
                                [key: string]: string[];
                            };
                            /** @description What went wrong, in one sentence. */
                            message: string;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        /**
         * Revoke an API key, end the dashboard sessions and listener streams opened with it, and stop its listeners
         * @description The listeners whose newest session used this key are deactivated (`disabled_reason` "API key revoked") and their queued deliveries cancelled with that reason; their open streams, in any server process, end within seconds with a last `closed` event (`reason: api_key_revoked`).
         */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Success. */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            data: {
                                created_at: string;
                                id: string;
                                is_active: boolean;
                                last_used_at: string | null;
                                name: string;
                                prefix: string;
                                revoked_at: string | null;
                            };
                            /** @enum {number} */
                            status: 1;
                        };
                    };
                };
                /** @description A client error: `{message, errors?}`. */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Messages per field (`field` or `field.0.name`), for 422 answers. */
                            errors?: {
                                [key: string]: string[];
                            };
                            /** @description What went wrong, in one sentence. */
                            message: string;
                        };
                    };
                };
                /** @description A client error: `{message, errors?}`. */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Messages per field (`field` or `field.0.name`), for 422 answers. */
                            errors?: {
                                [key: string]: string[];
                            };
                            /** @description What went wrong, in one sentence. */
                            message: string;
                        };
                    };
                };
            };
        };
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/coupons": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List coupons, by id (oldest first unless sort=desc) */
        get: {
            parameters: {
                query?: {
                    limit?: number;
                    page?: number;
                    sort?: "asc" | "desc";
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description A page of: A coupon. */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            data: {
                                active: boolean;
                                coupon_discount_amount: number;
                                /** @enum {string} */
                                coupon_discount_type: "percent" | "static";
                                /** @enum {string} */
                                coupon_duration_type: "once" | "hours" | "days" | "months" | "years" | "lifetime";
                                coupon_duration_value: number | null;
                                created_at: string;
                                deleted_at: null;
                                id: number;
                                metadata: {
                                    [key: string]: unknown;
                                };
                                name: string;
                                promotion_codes: {
                                    data: {
                                        active: boolean;
                                        code: string;
                                        coupon: {
                                            active: boolean;
                                            coupon_discount_amount: number;
                                            /** @enum {string} */
                                            coupon_discount_type: "percent" | "static";
                                            /** @enum {string} */
                                            coupon_duration_type: "once" | "hours" | "days" | "months" | "years" | "lifetime";
                                            coupon_duration_value: number | null;
                                            created_at: string;
                                            id: number;
                                            name: string;
                                            updated_at: string;
                                            uuid_code: string;
                                        };
                                        coupon_specific_customers: unknown[];
                                        coupon_specific_partners: {
                                            full_name: string;
                                            id: string;
                                        }[];
                                        coupon_uuid: string;
                                        created_at: string;
                                        expiration_date_status: boolean;
                                        expiration_date_value: string | null;
                                        first_time_order: boolean;
                                        limit_to_specific_customer: boolean;
                                        limit_to_specific_partner: boolean;
                                        metadata: {
                                            [key: string]: unknown;
                                        };
                                        minimum_order_status: boolean;
                                        minimum_order_value: number | null;
                                        /** @description The partner whose sales the code attributes */
                                        partner: string | null;
                                        redemption_times_status: boolean;
                                        redemption_times_value: number | null;
                                        times_redeemed: number;
                                        updated_at: string;
                                    }[];
                                };
                                redemption_specific_date_status: boolean;
                                redemption_specific_date_value: string | null;
                                redemption_times_status: boolean;
                                redemption_times_value: number | null;
                                times_redeemed: number;
                                updated_at: string;
                                uuid_code: string;
                            }[];
                            links: {
                                first: string;
                                last: null;
                                next: string | null;
                                prev: string | null;
                            };
                            meta: {
                                current_page: number;
                                from: number | null;
                                path: string;
                                per_page: number;
                                to: number | null;
                            };
                            /** @enum {number} */
                            status: 1;
                        };
                    };
                };
                /** @description A client error: `{message, errors?}`. */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Messages per field (`field` or `field.0.name`), for 422 answers. */
                            errors?: {
                                [key: string]: string[];
                            };
                            /** @description What went wrong, in one sentence. */
                            message: string;
                        };
                    };
                };
                /** @description A client error: `{message, errors?}`. */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Messages per field (`field` or `field.0.name`), for 422 answers. */
                            errors?: {
                                [key: string]: string[];
                            };
                            /** @description What went wrong, in one sentence. */
                            message: string;
                        };
                    };
                };
            };
        };
        /** Change a coupon named by uuid_code in the body */
        put: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        active?: boolean | null;
                        metadata?: {
                            [key: string]: string | number | boolean | null;
                        } | null;
                        name?: string | null;
                        uuid_code: string;
                    };
                };
            };
            responses: {
                /** @description A coupon. */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description A coupon. */
                            data: {
                                active: boolean;
                                coupon_discount_amount: number;
                                /** @enum {string} */
                                coupon_discount_type: "percent" | "static";
                                /** @enum {string} */
                                coupon_duration_type: "once" | "hours" | "days" | "months" | "years" | "lifetime";
                                coupon_duration_value: number | null;
                                created_at: string;
                                deleted_at: null;
                                id: number;
                                metadata: {
                                    [key: string]: unknown;
                                };
                                name: string;
                                promotion_codes: {
                                    data: {
                                        active: boolean;
                                        code: string;
                                        coupon: {
                                            active: boolean;
                                            coupon_discount_amount: number;
                                            /** @enum {string} */
                                            coupon_discount_type: "percent" | "static";
                                            /** @enum {string} */
                                            coupon_duration_type: "once" | "hours" | "days" | "months" | "years" | "lifetime";
                                            coupon_duration_value: number | null;
                                            created_at: string;
                                            id: number;
                                            name: string;
                                            updated_at: string;
                                            uuid_code: string;
                                        };
                                        coupon_specific_customers: unknown[];
                                        coupon_specific_partners: {
                                            full_name: string;
                                            id: string;
                                        }[];
                                        coupon_uuid: string;
                                        created_at: string;
                                        expiration_date_status: boolean;
                                        expiration_date_value: string | null;
                                        first_time_order: boolean;
                                        limit_to_specific_customer: boolean;
                                        limit_to_specific_partner: boolean;
                                        metadata: {
                                            [key: string]: unknown;
                                        };
                                        minimum_order_status: boolean;
                                        minimum_order_value: number | null;
                                        /** @description The partner whose sales the code attributes */
                                        partner: string | null;
                                        redemption_times_status: boolean;
                                        redemption_times_value: number | null;
                                        times_redeemed: number;
                                        updated_at: string;
                                    }[];
                                };
                                redemption_specific_date_status: boolean;
                                redemption_specific_date_value: string | null;
                                redemption_times_status: boolean;
                                redemption_times_value: number | null;
                                times_redeemed: number;
                                updated_at: string;
                                uuid_code: string;
                            };
                            /** @enum {number} */
                            status: 1;
                        };
                    };
                };
                /** @description A client error: `{message, errors?}`. */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Messages per field (`field` or `field.0.name`), for 422 answers. */
                            errors?: {
                                [key: string]: string[];
                            };
                            /** @description What went wrong, in one sentence. */
                            message: string;
                        };
                    };
                };
                /** @description A client error: `{message, errors?}`. */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Messages per field (`field` or `field.0.name`), for 422 answers. */
                            errors?: {
                                [key: string]: string[];
                            };
                            /** @description What went wrong, in one sentence. */
                            message: string;
                        };
                    };
                };
            };
        };
        /** Create a coupon, with promotion codes if given */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        active?: boolean | null;
                        coupon_discount_amount: number | string;
                        /** @enum {string} */
                        coupon_discount_type: "percent" | "static" | "fixed";
                        /** @enum {string} */
                        coupon_duration_type: "once" | "hours" | "days" | "months" | "years" | "lifetime" | "forever";
                        coupon_duration_value?: number | null;
                        metadata?: {
                            [key: string]: string | number | boolean | null;
                        } | null;
                        name?: string | null;
                        promotion_codes?: {
                            active?: boolean | null;
                            code?: string | null;
                            coupon_specific_partners?: ({
                                full_name?: string;
                                id: string | number;
                            } | {
                                full_name?: string;
                                id: string | number;
                            }[] | Record<string, never>) | null;
                            expiration_date_status?: boolean | null;
                            expiration_date_value?: string | null;
                            first_time_order?: boolean | null;
                            limit_to_specific_customer?: false | null;
                            limit_to_specific_partner?: boolean | null;
                            limit_to_specific_subscriber?: false | null;
                            metadata?: {
                                [key: string]: string | number | boolean | null;
                            } | null;
                            minimum_order_status?: boolean | null;
                            minimum_order_value?: (number | string) | null;
                            partner?: {
                                email?: string | null;
                                id?: (string | number) | null;
                                key?: string | null;
                            } | null;
                            redemption_times_status?: boolean | null;
                            redemption_times_value?: number | null;
                        }[] | null;
                        redemption_specific_date_status?: boolean | null;
                        redemption_specific_date_value?: string | null;
                        redemption_times_status?: boolean | null;
                        redemption_times_value?: number | null;
                        uuid_code?: string | null;
                    };
                };
            };
            responses: {
                /** @description A coupon. */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description A coupon. */
                            data: {
                                active: boolean;
                                coupon_discount_amount: number;
                                /** @enum {string} */
                                coupon_discount_type: "percent" | "static";
                                /** @enum {string} */
                                coupon_duration_type: "once" | "hours" | "days" | "months" | "years" | "lifetime";
                                coupon_duration_value: number | null;
                                created_at: string;
                                deleted_at: null;
                                id: number;
                                metadata: {
                                    [key: string]: unknown;
                                };
                                name: string;
                                promotion_codes: {
                                    data: {
                                        active: boolean;
                                        code: string;
                                        coupon: {
                                            active: boolean;
                                            coupon_discount_amount: number;
                                            /** @enum {string} */
                                            coupon_discount_type: "percent" | "static";
                                            /** @enum {string} */
                                            coupon_duration_type: "once" | "hours" | "days" | "months" | "years" | "lifetime";
                                            coupon_duration_value: number | null;
                                            created_at: string;
                                            id: number;
                                            name: string;
                                            updated_at: string;
                                            uuid_code: string;
                                        };
                                        coupon_specific_customers: unknown[];
                                        coupon_specific_partners: {
                                            full_name: string;
                                            id: string;
                                        }[];
                                        coupon_uuid: string;
                                        created_at: string;
                                        expiration_date_status: boolean;
                                        expiration_date_value: string | null;
                                        first_time_order: boolean;
                                        limit_to_specific_customer: boolean;
                                        limit_to_specific_partner: boolean;
                                        metadata: {
                                            [key: string]: unknown;
                                        };
                                        minimum_order_status: boolean;
                                        minimum_order_value: number | null;
                                        /** @description The partner whose sales the code attributes */
                                        partner: string | null;
                                        redemption_times_status: boolean;
                                        redemption_times_value: number | null;
                                        times_redeemed: number;
                                        updated_at: string;
                                    }[];
                                };
                                redemption_specific_date_status: boolean;
                                redemption_specific_date_value: string | null;
                                redemption_times_status: boolean;
                                redemption_times_value: number | null;
                                times_redeemed: number;
                                updated_at: string;
                                uuid_code: string;
                            };
                            /** @enum {number} */
                            status: 1;
                        };
                    };
                };
                /** @description A client error: `{message, errors?}`. */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Messages per field (`field` or `field.0.name`), for 422 answers. */
                            errors?: {
                                [key: string]: string[];
                            };
                            /** @description What went wrong, in one sentence. */
                            message: string;
                        };
                    };
                };
                /** @description A client error: `{message, errors?}`. */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Messages per field (`field` or `field.0.name`), for 422 answers. */
                            errors?: {
                                [key: string]: string[];
                            };
                            /** @description What went wrong, in one sentence. */
                            message: string;
                        };
                    };
                };
            };
        };
        /** Delete a coupon named by uuid_code in the body */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        uuid_code: string;
                    };
                };
            };
            responses: {
                /** @description Done. */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {number} */
                            status: 1;
                        };
                    };
                };
                /** @description A client error: `{message, errors?}`. */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Messages per field (`field` or `field.0.name`), for 422 answers. */
                            errors?: {
                                [key: string]: string[];
                            };
                            /** @description What went wrong, in one sentence. */
                            message: string;
                        };
                    };
                };
                /** @description A client error: `{message, errors?}`. */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Messages per field (`field` or `field.0.name`), for 422 answers. */
                            errors?: {
                                [key: string]: string[];
                            };
                            /** @description What went wrong, in one sentence. */
                            message: string;
                        };
                    };
                };
            };
        };
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/coupons/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Show a coupon by uuid_code (or numeric id) */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description A coupon. */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description A coupon. */
                            data: {
                                active: boolean;
                                coupon_discount_amount: number;
                                /** @enum {string} */
                                coupon_discount_type: "percent" | "static";
                                /** @enum {string} */
                                coupon_duration_type: "once" | "hours" | "days" | "months" | "years" | "lifetime";
                                coupon_duration_value: number | null;
                                created_at: string;
                                deleted_at: null;
                                id: number;
                                metadata: {
                                    [key: string]: unknown;
                                };
                                name: string;
                                promotion_codes: {
                                    data: {
                                        active: boolean;
                                        code: string;
                                        coupon: {
                                            active: boolean;
                                            coupon_discount_amount: number;
                                            /** @enum {string} */
                                            coupon_discount_type: "percent" | "static";
                                            /** @enum {string} */
                                            coupon_duration_type: "once" | "hours" | "days" | "months" | "years" | "lifetime";
                                            coupon_duration_value: number | null;
                                            created_at: string;
                                            id: number;
                                            name: string;
                                            updated_at: string;
                                            uuid_code: string;
                                        };
                                        coupon_specific_customers: unknown[];
                                        coupon_specific_partners: {
                                            full_name: string;
                                            id: string;
                                        }[];
                                        coupon_uuid: string;
                                        created_at: string;
                                        expiration_date_status: boolean;
                                        expiration_date_value: string | null;
                                        first_time_order: boolean;
                                        limit_to_specific_customer: boolean;
                                        limit_to_specific_partner: boolean;
                                        metadata: {
                                            [key: string]: unknown;
                                        };
                                        minimum_order_status: boolean;
                                        minimum_order_value: number | null;
                                        /** @description The partner whose sales the code attributes */
                                        partner: string | null;
                                        redemption_times_status: boolean;
                                        redemption_times_value: number | null;
                                        times_redeemed: number;
                                        updated_at: string;
                                    }[];
                                };
                                redemption_specific_date_status: boolean;
                                redemption_specific_date_value: string | null;
                                redemption_times_status: boolean;
                                redemption_times_value: number | null;
                                times_redeemed: number;
                                updated_at: string;
                                uuid_code: string;
                            };
                            /** @enum {number} */
                            status: 1;
                        };
                    };
                };
                /** @description A client error: `{message, errors?}`. */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Messages per field (`field` or `field.0.name`), for 422 answers. */
                            errors?: {
                                [key: string]: string[];
                            };
                            /** @description What went wrong, in one sentence. */
                            message: string;
                        };
                    };
                };
                /** @description A client error: `{message, errors?}`. */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Messages per field (`field` or `field.0.name`), for 422 answers. */
                            errors?: {
                                [key: string]: string[];
                            };
                            /** @description What went wrong, in one sentence. */
                            message: string;
                        };
                    };
                };
            };
        };
        /** Change a coupon's name, active switch or metadata */
        put: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        active?: boolean | null;
                        metadata?: {
                            [key: string]: string | number | boolean | null;
                        } | null;
                        name?: string | null;
                    };
                };
            };
            responses: {
                /** @description A coupon. */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description A coupon. */
                            data: {
                                active: boolean;
                                coupon_discount_amount: number;
                                /** @enum {string} */
                                coupon_discount_type: "percent" | "static";
                                /** @enum {string} */
                                coupon_duration_type: "once" | "hours" | "days" | "months" | "years" | "lifetime";
                                coupon_duration_value: number | null;
                                created_at: string;
                                deleted_at: null;
                                id: number;
                                metadata: {
                                    [key: string]: unknown;
                                };
                                name: string;
                                promotion_codes: {
                                    data: {
                                        active: boolean;
                                        code: string;
                                        coupon: {
                                            active: boolean;
                                            coupon_discount_amount: number;
                                            /** @enum {string} */
                                            coupon_discount_type: "percent" | "static";
                                            /** @enum {string} */
                                            coupon_duration_type: "once" | "hours" | "days" | "months" | "years" | "lifetime";
                                            coupon_duration_value: number | null;
                                            created_at: string;
                                            id: number;
                                            name: string;
                                            updated_at: string;
                                            uuid_code: string;
                                        };
                                        coupon_specific_customers: unknown[];
                                        coupon_specific_partners: {
                                            full_name: string;
                                            id: string;
                                        }[];
                                        coupon_uuid: string;
                                        created_at: string;
                                        expiration_date_status: boolean;
                                        expiration_date_value: string | null;
                                        first_time_order: boolean;
                                        limit_to_specific_customer: boolean;
                                        limit_to_specific_partner: boolean;
                                        metadata: {
                                            [key: string]: unknown;
                                        };
                                        minimum_order_status: boolean;
                                        minimum_order_value: number | null;
                                        /** @description The partner whose sales the code attributes */
                                        partner: string | null;
                                        redemption_times_status: boolean;
                                        redemption_times_value: number | null;
                                        times_redeemed: number;
                                        updated_at: string;
                                    }[];
                                };
                                redemption_specific_date_status: boolean;
                                redemption_specific_date_value: string | null;
                                redemption_times_status: boolean;
                                redemption_times_value: number | null;
                                times_redeemed: number;
                                updated_at: string;
                                uuid_code: string;
                            };
                            /** @enum {number} */
                            status: 1;
                        };
                    };
                };
                /** @description A client error: `{message, errors?}`. */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Messages per field (`field` or `field.0.name`), for 422 answers. */
                            errors?: {
                                [key: string]: string[];
                            };
                            /** @description What went wrong, in one sentence. */
                            message: string;
                        };
                    };
                };
                /** @description A client error: `{message, errors?}`. */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Messages per field (`field` or `field.0.name`), for 422 answers. */
                            errors?: {
                                [key: string]: string[];
                            };
                            /** @description What went wrong, in one sentence. */
                            message: string;
                        };
                    };
                };
            };
        };
        post?: never;
        /** Delete a coupon and its promotion codes */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Done. */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {number} */
                            status: 1;
                        };
                    };
                };
                /** @description A client error: `{message, errors?}`. */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Messages per field (`field` or `field.0.name`), for 422 answers. */
                            errors?: {
                                [key: string]: string[];
                            };
                            /** @description What went wrong, in one sentence. */
                            message: string;
                        };
                    };
                };
                /** @description A client error: `{message, errors?}`. */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Messages per field (`field` or `field.0.name`), for 422 answers. */
                            errors?: {
                                [key: string]: string[];
                            };
                            /** @description What went wrong, in one sentence. */
                            message: string;
                        };
                    };
                };
            };
        };
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/customer": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Show the customer named by query key, id or email
         * @deprecated
         * @description Partnero's deprecated singular form of `/customers` (the PHP SDK's `Customer`).
         */
        get: {
            parameters: {
                query?: {
                    key?: string | null;
                    id?: string | null;
                    email?: string | null;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Success. */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            data: {
                                created_at: string;
                                deleted_at: string | null;
                                email: string | null;
                                id?: string;
                                key: string;
                                name: string | null;
                                partner: string | null;
                                referring_customer?: {
                                    key: string;
                                } | null;
                                /** @enum {string} */
                                status: "active" | "archived" | "deleted";
                                surname: string | null;
                                tags: {
                                    value: string;
                                }[];
                                updated_at: string;
                            };
                            /** @enum {number} */
                            status: 1;
                        };
                    };
                };
                /** @description A client error: `{message, errors?}`. */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Messages per field (`field` or `field.0.name`), for 422 answers. */
                            errors?: {
                                [key: string]: string[];
                            };
                            /** @description What went wrong, in one sentence. */
                            message: string;
                        };
                    };
                };
                /** @description A client error: `{message, errors?}`. */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Messages per field (`field` or `field.0.name`), for 422 answers. */
                            errors?: {
                                [key: string]: string[];
                            };
                            /** @description What went wrong, in one sentence. */
                            message: string;
                        };
                    };
                };
            };
        };
        /**
         * Update the customer named by body key, id or email (customer.updated)
         * @deprecated
         * @description Partnero's deprecated singular form of `/customers`.
         */
        put: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        email?: string | null;
                        id?: string | null;
                        key?: string | null;
                        update: {
                            email?: string | null;
                            key?: string | null;
                            name?: string | null;
                            surname?: string | null;
                            tags?: string[] | null;
                        };
                    };
                };
            };
            responses: {
                /** @description Success. */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            data: {
                                created_at: string;
                                deleted_at: string | null;
                                email: string | null;
                                id?: string;
                                key: string;
                                name: string | null;
                                partner: string | null;
                                referring_customer?: {
                                    key: string;
                                } | null;
                                /** @enum {string} */
                                status: "active" | "archived" | "deleted";
                                surname: string | null;
                                tags: {
                                    value: string;
                                }[];
                                updated_at: string;
                            };
                            /** @enum {number} */
                            status: 1;
                        };
                    };
                };
                /** @description A client error: `{message, errors?}`. */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Messages per field (`field` or `field.0.name`), for 422 answers. */
                            errors?: {
                                [key: string]: string[];
                            };
                            /** @description What went wrong, in one sentence. */
                            message: string;
                        };
                    };
                };
                /** @description A client error: `{message, errors?}`. */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Messages per field (`field` or `field.0.name`), for 422 answers. */
                            errors?: {
                                [key: string]: string[];
                            };
                            /** @description What went wrong, in one sentence. */
                            message: string;
                        };
                    };
                };
            };
        };
        /**
         * Create a customer, optionally with its first sale (customer.created)
         * @deprecated
         * @description Partnero's deprecated singular form of `/customers` (the PHP SDK's `Customer`).
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        customer: {
                            email?: string | null;
                            id?: string | null;
                            key?: string | null;
                            name?: string | null;
                            referring_customer?: {
                                id?: string;
                                key?: string;
                            } | null;
                            surname?: string | null;
                            tags?: string[] | null;
                        };
                        partner?: {
                            email?: string | null;
                            id?: (string | number) | null;
                            key?: string | null;
                        } | null;
                        transaction?: {
                            action?: string | null;
                            amount: number | string;
                            amount_units?: string | null;
                            created_at?: (number | string) | null;
                            discount_amount?: (number | string) | null;
                            discount_code?: string | null;
                            gross_amount?: (number | string) | null;
                            key?: string | null;
                            product_id?: string | null;
                            product_type?: string | null;
                            rewardable?: boolean | null;
                            rewarded?: boolean | null;
                        } | null;
                    };
                };
            };
            responses: {
                /** @description Success. */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            data: {
                                created_at: string;
                                deleted_at: string | null;
                                email: string | null;
                                id?: string;
                                key: string;
                                name: string | null;
                                partner: string | null;
                                referring_customer?: {
                                    key: string;
                                } | null;
                                /** @enum {string} */
                                status: "active" | "archived" | "deleted";
                                surname: string | null;
                                tags: {
                                    value: string;
                                }[];
                                updated_at: string;
                            };
                            /** @enum {number} */
                            status: 1;
                        };
                    };
                };
                /** @description A client error: `{message, errors?}`. */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Messages per field (`field` or `field.0.name`), for 422 answers. */
                            errors?: {
                                [key: string]: string[];
                            };
                            /** @description What went wrong, in one sentence. */
                            message: string;
                        };
                    };
                };
                /** @description A client error: `{message, errors?}`. */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Messages per field (`field` or `field.0.name`), for 422 answers. */
                            errors?: {
                                [key: string]: string[];
                            };
                            /** @description What went wrong, in one sentence. */
                            message: string;
                        };
                    };
                };
            };
        };
        /**
         * Delete the customer named by query key, id or email (customer.deleted)
         * @deprecated
         * @description Partnero's deprecated singular form of `/customers` (the PHP SDK's `Customer`).
         */
        delete: {
            parameters: {
                query?: {
                    key?: string | null;
                    id?: string | null;
                    email?: string | null;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Done. */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {number} */
                            status: 1;
                        };
                    };
                };
                /** @description A client error: `{message, errors?}`. */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Messages per field (`field` or `field.0.name`), for 422 answers. */
                            errors?: {
                                [key: string]: string[];
                            };
                            /** @description What went wrong, in one sentence. */
                            message: string;
                        };
                    };
                };
                /** @description A client error: `{message, errors?}`. */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Messages per field (`field` or `field.0.name`), for 422 answers. */
                            errors?: {
                                [key: string]: string[];
                            };
                            /** @description What went wrong, in one sentence. */
                            message: string;
                        };
                    };
                };
            };
        };
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/customer_referral_links": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Add a referral link to a refer-a-friend customer */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        customer: {
                            email?: string | null;
                            id?: string | null;
                            key?: string | null;
                        };
                        domain_id?: string | number | null;
                        is_additional?: boolean | null;
                        key: string;
                    };
                };
            };
            responses: {
                /** @description Success. */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            data: {
                                created_at: string;
                                customer: string;
                                default: boolean;
                                direct_tracking: boolean;
                                direct_tracking_redirect: boolean;
                                direct_tracking_redirect_url: string | null;
                                id: string;
                                is_additional: boolean;
                                key: string;
                                updated_at: string;
                                url: string | null;
                            };
                            /** @enum {number} */
                            status: 1;
                        };
                    };
                };
                /** @description A client error: `{message, errors?}`. */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Messages per field (`field` or `field.0.name`), for 422 answers. */
                            errors?: {
                                [key: string]: string[];
                            };
                            /** @description What went wrong, in one sentence. */
                            message: string;
                        };
                    };
                };
                /** @description A client error: `{message, errors?}`. */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Messages per field (`field` or `field.0.name`), for 422 answers. */
                            errors?: {
                                [key: string]: string[];
                            };
                            /** @description What went wrong, in one sentence. */
                            message: string;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/customer_referral_links/{key}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Show a customer's referral link (a customer's key is its main link) */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    key: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Success. */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            data: {
                                created_at: string;
                                customer: string;
                                default: boolean;
                                direct_tracking: boolean;
                                direct_tracking_redirect: boolean;
                                direct_tracking_redirect_url: string | null;
                                id: string;
                                is_additional: boolean;
                                key: string;
                                updated_at: string;
                                url: string | null;
                            };
                            /** @enum {number} */
                            status: 1;
                        };
                    };
                };
                /** @description A client error: `{message, errors?}`. */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Messages per field (`field` or `field.0.name`), for 422 answers. */
                            errors?: {
                                [key: string]: string[];
                            };
                            /** @description What went wrong, in one sentence. */
                            message: string;
                        };
                    };
                };
                /** @description A client error: `{message, errors?}`. */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Messages per field (`field` or `field.0.name`), for 422 answers. */
                            errors?: {
                                [key: string]: string[];
                            };
                            /** @description What went wrong, in one sentence. */
                            message: string;
                        };
                    };
                };
            };
        };
        /** Change an additional link's key (the main link is the customer's key) */
        put: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    key: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        key?: string | null;
                    };
                };
            };
            responses: {
                /** @description Success. */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            data: {
                                created_at: string;
                                customer: string;
                                default: boolean;
                                direct_tracking: boolean;
                                direct_tracking_redirect: boolean;
                                direct_tracking_redirect_url: string | null;
                                id: string;
                                is_additional: boolean;
                                key: string;
                                updated_at: string;
                                url: string | null;
                            };
                            /** @enum {number} */
                            status: 1;
                        };
                    };
                };
                /** @description A client error: `{message, errors?}`. */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Messages per field (`field` or `field.0.name`), for 422 answers. */
                            errors?: {
                                [key: string]: string[];
                            };
                            /** @description What went wrong, in one sentence. */
                            message: string;
                        };
                    };
                };
                /** @description A client error: `{message, errors?}`. */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Messages per field (`field` or `field.0.name`), for 422 answers. */
                            errors?: {
                                [key: string]: string[];
                            };
                            /** @description What went wrong, in one sentence. */
                            message: string;
                        };
                    };
                };
            };
        };
        post?: never;
        /** Remove a customer's additional referral link */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    key: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Done. */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {number} */
                            status: 1;
                        };
                    };
                };
                /** @description A client error: `{message, errors?}`. */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Messages per field (`field` or `field.0.name`), for 422 answers. */
                            errors?: {
                                [key: string]: string[];
                            };
                            /** @description What went wrong, in one sentence. */
                            message: string;
                        };
                    };
                };
                /** @description A client error: `{message, errors?}`. */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Messages per field (`field` or `field.0.name`), for 422 answers. */
                            errors?: {
                                [key: string]: string[];
                            };
                            /** @description What went wrong, in one sentence. */
                            message: string;
                        };
                    };
                };
            };
        };
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/customer_referral_links:search": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Search customers' referral links: the key (or id) contains the text */
        get: {
            parameters: {
                query?: {
                    limit?: number;
                    page?: number;
                    sort?: "asc" | "desc";
                    key?: string;
                    id?: string;
                    customer?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description A page of the list. */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            data: {
                                created_at: string;
                                customer: string;
                                default: boolean;
                                direct_tracking: boolean;
                                direct_tracking_redirect: boolean;
                                direct_tracking_redirect_url: string | null;
                                id: string;
                                is_additional: boolean;
                                key: string;
                                updated_at: string;
                                url: string | null;
                            }[];
                            links: {
                                first: string;
                                last: null;
                                next: string | null;
                                prev: string | null;
                            };
                            meta: {
                                current_page: number;
                                from: number | null;
                                path: string;
                                per_page: number;
                                to: number | null;
                            };
                            /** @enum {number} */
                            status: 1;
                        };
                    };
                };
                /** @description A client error: `{message, errors?}`. */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Messages per field (`field` or `field.0.name`), for 422 answers. */
                            errors?: {
                                [key: string]: string[];
                            };
                            /** @description What went wrong, in one sentence. */
                            message: string;
                        };
                    };
                };
                /** @description A client error: `{message, errors?}`. */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Messages per field (`field` or `field.0.name`), for 422 answers. */
                            errors?: {
                                [key: string]: string[];
                            };
                            /** @description What went wrong, in one sentence. */
                            message: string;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/customers": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List customers, oldest first (sort=desc: newest first) */
        get: {
            parameters: {
                query?: {
                    limit?: number;
                    page?: number;
                    sort?: "asc" | "desc";
                    email?: string;
                    key?: string;
                    /** @description Referring partner id */
                    partner?: string;
                    partner_id?: string;
                    partner_key?: string;
                    partner_email?: string;
                    "partner[id]"?: string;
                    "partner[key]"?: string;
                    "partner[email]"?: string;
                    refer_status?: "referred" | "non_referred";
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description A page of the list. */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            data: {
                                created_at: string;
                                deleted_at: string | null;
                                email: string | null;
                                id?: string;
                                key: string;
                                name: string | null;
                                partner: string | null;
                                referring_customer?: {
                                    key: string;
                                } | null;
                                /** @enum {string} */
                                status: "active" | "archived" | "deleted";
                                surname: string | null;
                                tags: {
                                    value: string;
                                }[];
                                updated_at: string;
                            }[];
                            links: {
                                first: string;
                                last: null;
                                next: string | null;
                                prev: string | null;
                            };
                            meta: {
                                current_page: number;
                                from: number | null;
                                path: string;
                                per_page: number;
                                to: number | null;
                            };
                            /** @enum {number} */
                            status: 1;
                        };
                    };
                };
                /** @description A client error: `{message, errors?}`. */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Messages per field (`field` or `field.0.name`), for 422 answers. */
                            errors?: {
                                [key: string]: string[];
                            };
                            /** @description What went wrong, in one sentence. */
                            message: string;
                        };
                    };
                };
                /** @description A client error: `{message, errors?}`. */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Messages per field (`field` or `field.0.name`), for 422 answers. */
                            errors?: {
                                [key: string]: string[];
                            };
                            /** @description What went wrong, in one sentence. */
                            message: string;
                        };
                    };
                };
            };
        };
        /** Update the customer named by body key, id or email (customer.updated) */
        put: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        email?: string | null;
                        id?: string | null;
                        key?: string | null;
                        update: {
                            email?: string | null;
                            key?: string | null;
                            name?: string | null;
                            surname?: string | null;
                            tags?: string[] | null;
                        };
                    };
                };
            };
            responses: {
                /** @description Success. */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            data: {
                                created_at: string;
                                deleted_at: string | null;
                                email: string | null;
                                id?: string;
                                key: string;
                                name: string | null;
                                partner: string | null;
                                referring_customer?: {
                                    key: string;
                                } | null;
                                /** @enum {string} */
                                status: "active" | "archived" | "deleted";
                                surname: string | null;
                                tags: {
                                    value: string;
                                }[];
                                updated_at: string;
                            };
                            /** @enum {number} */
                            status: 1;
                        };
                    };
                };
                /** @description A client error: `{message, errors?}`. */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Messages per field (`field` or `field.0.name`), for 422 answers. */
                            errors?: {
                                [key: string]: string[];
                            };
                            /** @description What went wrong, in one sentence. */
                            message: string;
                        };
                    };
                };
                /** @description A client error: `{message, errors?}`. */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Messages per field (`field` or `field.0.name`), for 422 answers. */
                            errors?: {
                                [key: string]: string[];
                            };
                            /** @description What went wrong, in one sentence. */
                            message: string;
                        };
                    };
                };
            };
        };
        /** Create a customer (customer.created), with an optional first sale */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        email?: string | null;
                        id?: string | null;
                        key?: string | null;
                        name?: string | null;
                        partner?: {
                            email?: string | null;
                            id?: (string | number) | null;
                            key?: string | null;
                        } | null;
                        referring_customer?: {
                            id?: string;
                            key?: string;
                        } | null;
                        surname?: string | null;
                        tags?: string[] | null;
                        transaction?: {
                            action?: string | null;
                            amount: number | string;
                            amount_units?: string | null;
                            created_at?: (number | string) | null;
                            discount_amount?: (number | string) | null;
                            discount_code?: string | null;
                            gross_amount?: (number | string) | null;
                            key?: string | null;
                            product_id?: string | null;
                            product_type?: string | null;
                            rewardable?: boolean | null;
                            rewarded?: boolean | null;
                        } | null;
                    };
                };
            };
            responses: {
                /** @description Success. */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            data: {
                                created_at: string;
                                deleted_at: string | null;
                                email: string | null;
                                id?: string;
                                key: string;
                                name: string | null;
                                partner: string | null;
                                referring_customer?: {
                                    key: string;
                                } | null;
                                /** @enum {string} */
                                status: "active" | "archived" | "deleted";
                                surname: string | null;
                                tags: {
                                    value: string;
                                }[];
                                updated_at: string;
                            };
                            /** @enum {number} */
                            status: 1;
                        };
                    };
                };
                /** @description A client error: `{message, errors?}`. */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Messages per field (`field` or `field.0.name`), for 422 answers. */
                            errors?: {
                                [key: string]: string[];
                            };
                            /** @description What went wrong, in one sentence. */
                            message: string;
                        };
                    };
                };
                /** @description A client error: `{message, errors?}`. */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Messages per field (`field` or `field.0.name`), for 422 answers. */
                            errors?: {
                                [key: string]: string[];
                            };
                            /** @description What went wrong, in one sentence. */
                            message: string;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/customers/{customer}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Show a customer (by key, id or email) */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    customer: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Success. */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            data: {
                                created_at: string;
                                deleted_at: string | null;
                                email: string | null;
                                id?: string;
                                key: string;
                                name: string | null;
                                partner: string | null;
                                referring_customer?: {
                                    key: string;
                                } | null;
                                /** @enum {string} */
                                status: "active" | "archived" | "deleted";
                                surname: string | null;
                                tags: {
                                    value: string;
                                }[];
                                updated_at: string;
                            };
                            /** @enum {number} */
                            status: 1;
                        };
                    };
                };
                /** @description A client error: `{message, errors?}`. */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Messages per field (`field` or `field.0.name`), for 422 answers. */
                            errors?: {
                                [key: string]: string[];
                            };
                            /** @description What went wrong, in one sentence. */
                            message: string;
                        };
                    };
                };
                /** @description A client error: `{message, errors?}`. */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Messages per field (`field` or `field.0.name`), for 422 answers. */
                            errors?: {
                                [key: string]: string[];
                            };
                            /** @description What went wrong, in one sentence. */
                            message: string;
                        };
                    };
                };
            };
        };
        /** Update a customer (customer.updated) */
        put: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    customer: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        update: {
                            email?: string | null;
                            key?: string | null;
                            name?: string | null;
                            surname?: string | null;
                            tags?: string[] | null;
                        };
                    } | {
                        email?: string | null;
                        key?: string | null;
                        name?: string | null;
                        surname?: string | null;
                        tags?: string[] | null;
                    };
                };
            };
            responses: {
                /** @description Success. */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            data: {
                                created_at: string;
                                deleted_at: string | null;
                                email: string | null;
                                id?: string;
                                key: string;
                                name: string | null;
                                partner: string | null;
                                referring_customer?: {
                                    key: string;
                                } | null;
                                /** @enum {string} */
                                status: "active" | "archived" | "deleted";
                                surname: string | null;
                                tags: {
                                    value: string;
                                }[];
                                updated_at: string;
                            };
                            /** @enum {number} */
                            status: 1;
                        };
                    };
                };
                /** @description A client error: `{message, errors?}`. */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Messages per field (`field` or `field.0.name`), for 422 answers. */
                            errors?: {
                                [key: string]: string[];
                            };
                            /** @description What went wrong, in one sentence. */
                            message: string;
                        };
                    };
                };
                /** @description A client error: `{message, errors?}`. */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Messages per field (`field` or `field.0.name`), for 422 answers. */
                            errors?: {
                                [key: string]: string[];
                            };
                            /** @description What went wrong, in one sentence. */
                            message: string;
                        };
                    };
                };
            };
        };
        post?: never;
        /** Delete a customer (customer.deleted) */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    customer: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Done. */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {number} */
                            status: 1;
                        };
                    };
                };
                /** @description A client error: `{message, errors?}`. */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Messages per field (`field` or `field.0.name`), for 422 answers. */
                            errors?: {
                                [key: string]: string[];
                            };
                            /** @description What went wrong, in one sentence. */
                            message: string;
                        };
                    };
                };
                /** @description A client error: `{message, errors?}`. */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Messages per field (`field` or `field.0.name`), for 422 answers. */
                            errors?: {
                                [key: string]: string[];
                            };
                            /** @description What went wrong, in one sentence. */
                            message: string;
                        };
                    };
                };
            };
        };
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/customers/{customer}/archive": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Archive a customer: its new sales earn no commission (customer.updated) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    customer: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Success. */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            data: {
                                created_at: string;
                                deleted_at: string | null;
                                email: string | null;
                                id?: string;
                                key: string;
                                name: string | null;
                                partner: string | null;
                                referring_customer?: {
                                    key: string;
                                } | null;
                                /** @enum {string} */
                                status: "active" | "archived" | "deleted";
                                surname: string | null;
                                tags: {
                                    value: string;
                                }[];
                                updated_at: string;
                            };
                            /** @enum {number} */
                            status: 1;
                        };
                    };
                };
                /** @description A client error: `{message, errors?}`. */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Messages per field (`field` or `field.0.name`), for 422 answers. */
                            errors?: {
                                [key: string]: string[];
                            };
                            /** @description What went wrong, in one sentence. */
                            message: string;
                        };
                    };
                };
                /** @description A client error: `{message, errors?}`. */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Messages per field (`field` or `field.0.name`), for 422 answers. */
                            errors?: {
                                [key: string]: string[];
                            };
                            /** @description What went wrong, in one sentence. */
                            message: string;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/customers/{customer}/referral_links": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List a refer-a-friend customer's referral links, the main one first */
        get: {
            parameters: {
                query?: {
                    limit?: number;
                    page?: number;
                    sort?: "asc" | "desc";
                };
                header?: never;
                path: {
                    customer: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description A page of the list. */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            data: {
                                created_at: string;
                                customer: string;
                                default: boolean;
                                direct_tracking: boolean;
                                direct_tracking_redirect: boolean;
                                direct_tracking_redirect_url: string | null;
                                id: string;
                                is_additional: boolean;
                                key: string;
                                updated_at: string;
                                url: string | null;
                            }[];
                            links: {
                                first: string;
                                last: null;
                                next: string | null;
                                prev: string | null;
                            };
                            meta: {
                                current_page: number;
                                from: number | null;
                                path: string;
                                per_page: number;
                                to: number | null;
                            };
                            /** @enum {number} */
                            status: 1;
                        };
                    };
                };
                /** @description A client error: `{message, errors?}`. */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Messages per field (`field` or `field.0.name`), for 422 answers. */
                            errors?: {
                                [key: string]: string[];
                            };
                            /** @description What went wrong, in one sentence. */
                            message: string;
                        };
                    };
                };
                /** @description A client error: `{message, errors?}`. */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Messages per field (`field` or `field.0.name`), for 422 answers. */
                            errors?: {
                                [key: string]: string[];
                            };
                            /** @description What went wrong, in one sentence. */
                            message: string;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/customers/{customer}/revoke-archive": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Restore an archived customer (customer.updated) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    customer: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Success. */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            data: {
                                created_at: string;
                                deleted_at: string | null;
                                email: string | null;
                                id?: string;
                                key: string;
                                name: string | null;
                                partner: string | null;
                                referring_customer?: {
                                    key: string;
                                } | null;
                                /** @enum {string} */
                                status: "active" | "archived" | "deleted";
                                surname: string | null;
                                tags: {
                                    value: string;
                                }[];
                                updated_at: string;
                            };
                            /** @enum {number} */
                            status: 1;
                        };
                    };
                };
                /** @description A client error: `{message, errors?}`. */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Messages per field (`field` or `field.0.name`), for 422 answers. */
                            errors?: {
                                [key: string]: string[];
                            };
                            /** @description What went wrong, in one sentence. */
                            message: string;
                        };
                    };
                };
                /** @description A client error: `{message, errors?}`. */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Messages per field (`field` or `field.0.name`), for 422 answers. */
                            errors?: {
                                [key: string]: string[];
                            };
                            /** @description What went wrong, in one sentence. */
                            message: string;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/customers/{customer}/stats": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A refer-a-friend customer's statistics: referrals, their purchases, balance */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    customer: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Success. */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            data: {
                                balance: {
                                    amount: number;
                                    amount_units: string;
                                    is_currency: boolean;
                                }[];
                                credits: {
                                    amounts: {
                                        amount: number;
                                        amount_units: string;
                                        is_currency: boolean;
                                    }[];
                                    count: number;
                                };
                                customer: string;
                                invitations_count: number;
                                paying_referrals_count: number;
                                purchases: {
                                    amounts: {
                                        amount: number;
                                        amount_units: string;
                                    }[];
                                    count: number;
                                };
                                referral_links_count: number;
                                referral_purchases: {
                                    amounts: {
                                        amount: number;
                                        amount_units: string;
                                    }[];
                                    count: number;
                                };
                                referrals_count: number;
                                rewards: {
                                    amounts: {
                                        amount: number;
                                        amount_units: string;
                                        is_currency: boolean;
                                    }[];
                                    count: number;
                                };
                            };
                            /** @enum {number} */
                            status: 1;
                        };
                    };
                };
                /** @description A client error: `{message, errors?}`. */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Messages per field (`field` or `field.0.name`), for 422 answers. */
                            errors?: {
                                [key: string]: string[];
                            };
                            /** @description What went wrong, in one sentence. */
                            message: string;
                        };
                    };
                };
                /** @description A client error: `{message, errors?}`. */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Messages per field (`field` or `field.0.name`), for 422 answers. */
                            errors?: {
                                [key: string]: string[];
                            };
                            /** @description What went wrong, in one sentence. */
                            message: string;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/customers/{customer}/transactions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List a customer's transactions, newest first */
        get: {
            parameters: {
                query?: {
                    limit?: number;
                    page?: number;
                    sort?: "asc" | "desc";
                };
                header?: never;
                path: {
                    customer: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description A page of the list. */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            data: {
                                action: string;
                                amount: number;
                                amount_units: string;
                                created_at: string;
                                credit: boolean;
                                customer: string;
                                deleted_at: string | null;
                                discount_amount?: number | null;
                                discount_code?: string | null;
                                gross_amount?: number | null;
                                is_currency: boolean;
                                key: string;
                                partner: string | null;
                                product_id: string | null;
                                product_type: string | null;
                                rewards: {
                                    action: string;
                                    amount: number;
                                    amount_units: string;
                                    approved_at: string | null;
                                    created_at: string;
                                    credit: boolean;
                                    customer: string | null;
                                    deleted_at: string | null;
                                    id: string;
                                    is_currency: boolean;
                                    key: string;
                                    note?: string | null;
                                    paid_at: string | null;
                                    partner: string;
                                    payout_request?: number | null;
                                    product_type_data: {
                                        product_id?: string;
                                        product_type?: string;
                                    };
                                    /** @enum {string} */
                                    status: "review_period" | "approved" | "paid" | "cancelled";
                                    transaction: string | null;
                                }[];
                                updated_at: string;
                            }[];
                            links: {
                                first: string;
                                last: null;
                                next: string | null;
                                prev: string | null;
                            };
                            meta: {
                                current_page: number;
                                from: number | null;
                                path: string;
                                per_page: number;
                                to: number | null;
                            };
                            /** @enum {number} */
                            status: 1;
                        };
                    };
                };
                /** @description A client error: `{message, errors?}`. */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Messages per field (`field` or `field.0.name`), for 422 answers. */
                            errors?: {
                                [key: string]: string[];
                            };
                            /** @description What went wrong, in one sentence. */
                            message: string;
                        };
                    };
                };
                /** @description A client error: `{message, errors?}`. */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Messages per field (`field` or `field.0.name`), for 422 answers. */
                            errors?: {
                                [key: string]: string[];
                            };
                            /** @description What went wrong, in one sentence. */
                            message: string;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/customers/{key}/balance": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A refer-a-friend customer's balance, per currency or unit */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    key: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Success. */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            data: {
                                balance: {
                                    amount: number;
                                    amount_units: string;
                                    is_currency: boolean;
                                }[];
                                customer: string;
                            };
                            /** @enum {number} */
                            status: 1;
                        };
                    };
                };
                /** @description A client error: `{message, errors?}`. */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Messages per field (`field` or `field.0.name`), for 422 answers. */
                            errors?: {
                                [key: string]: string[];
                            };
                            /** @description What went wrong, in one sentence. */
                            message: string;
                        };
                    };
                };
                /** @description A client error: `{message, errors?}`. */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Messages per field (`field` or `field.0.name`), for 422 answers. */
                            errors?: {
                                [key: string]: string[];
                            };
                            /** @description What went wrong, in one sentence. */
                            message: string;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/customers/{key}/balance/credit": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Add a credit to a refer-a-friend customer's balance (customer.credited) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    key: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        amount: number | string;
                        amount_units?: string;
                        is_currency?: boolean;
                        note?: string | null;
                    };
                };
            };
            responses: {
                /** @description Success. */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            data: {
                                amount: number;
                                amount_units: string;
                                balance: {
                                    amount: number;
                                    amount_units: string;
                                    is_currency: boolean;
                                }[];
                                created_at: string;
                                customer: string;
                                id: string;
                                is_currency: boolean;
                                note: string | null;
                                referred_customer: string | null;
                                /** @enum {string} */
                                type: "credit" | "reward";
                            };
                            /** @enum {number} */
                            status: 1;
                        };
                    };
                };
                /** @description A client error: `{message, errors?}`. */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Messages per field (`field` or `field.0.name`), for 422 answers. */
                            errors?: {
                                [key: string]: string[];
                            };
                            /** @description What went wrong, in one sentence. */
                            message: string;
                        };
                    };
                };
                /** @description A client error: `{message, errors?}`. */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Messages per field (`field` or `field.0.name`), for 422 answers. */
                            errors?: {
                                [key: string]: string[];
                            };
                            /** @description What went wrong, in one sentence. */
                            message: string;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/customers/{key}/balance/entries": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A refer-a-friend customer's credits and rewards, newest first */
        get: {
            parameters: {
                query?: {
                    limit?: number;
                    page?: number;
                    sort?: "asc" | "desc";
                };
                header?: never;
                path: {
                    key: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description A page of the list. */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            data: {
                                amount: number;
                                amount_units: string;
                                balance: {
                                    amount: number;
                                    amount_units: string;
                                    is_currency: boolean;
                                }[];
                                created_at: string;
                                customer: string;
                                id: string;
                                is_currency: boolean;
                                note: string | null;
                                referred_customer: string | null;
                                /** @enum {string} */
                                type: "credit" | "reward";
                            }[];
                            links: {
                                first: string;
                                last: null;
                                next: string | null;
                                prev: string | null;
                            };
                            meta: {
                                current_page: number;
                                from: number | null;
                                path: string;
                                per_page: number;
                                to: number | null;
                            };
                            /** @enum {number} */
                            status: 1;
                        };
                    };
                };
                /** @description A client error: `{message, errors?}`. */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Messages per field (`field` or `field.0.name`), for 422 answers. */
                            errors?: {
                                [key: string]: string[];
                            };
                            /** @description What went wrong, in one sentence. */
                            message: string;
                        };
                    };
                };
                /** @description A client error: `{message, errors?}`. */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Messages per field (`field` or `field.0.name`), for 422 answers. */
                            errors?: {
                                [key: string]: string[];
                            };
                            /** @description What went wrong, in one sentence. */
                            message: string;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/customers/{key}/referrals": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The customers a customer referred (refer-a-friend), oldest first */
        get: {
            parameters: {
                query?: {
                    limit?: number;
                    page?: number;
                    sort?: "asc" | "desc";
                };
                header?: never;
                path: {
                    key: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description A page of the list. */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            data: {
                                created_at: string;
                                deleted_at: string | null;
                                email: string | null;
                                id?: string;
                                key: string;
                                name: string | null;
                                partner: string | null;
                                referring_customer?: {
                                    key: string;
                                } | null;
                                /** @enum {string} */
                                status: "active" | "archived" | "deleted";
                                surname: string | null;
                                tags: {
                                    value: string;
                                }[];
                                updated_at: string;
                            }[];
                            links: {
                                first: string;
                                last: null;
                                next: string | null;
                                prev: string | null;
                            };
                            meta: {
                                current_page: number;
                                from: number | null;
                                path: string;
                                per_page: number;
                                to: number | null;
                            };
                            /** @enum {number} */
                            status: 1;
                        };
                    };
                };
                /** @description A client error: `{message, errors?}`. */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Messages per field (`field` or `field.0.name`), for 422 answers. */
                            errors?: {
                                [key: string]: string[];
                            };
                            /** @description What went wrong, in one sentence. */
                            message: string;
                        };
                    };
                };
                /** @description A client error: `{message, errors?}`. */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Messages per field (`field` or `field.0.name`), for 422 answers. */
                            errors?: {
                                [key: string]: string[];
                            };
                            /** @description What went wrong, in one sentence. */
                            message: string;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/customers/{key}/reward": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Reward a refer-a-friend customer for a referral (customer.rewarded) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    key: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        amount: number | string;
                        amount_units?: string;
                        is_currency?: boolean;
                        note?: string | null;
                        referred_customer?: string;
                    };
                };
            };
            responses: {
                /** @description Success. */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            data: {
                                amount: number;
                                amount_units: string;
                                balance: {
                                    amount: number;
                                    amount_units: string;
                                    is_currency: boolean;
                                }[];
                                created_at: string;
                                customer: string;
                                id: string;
                                is_currency: boolean;
                                note: string | null;
                                referred_customer: string | null;
                                /** @enum {string} */
                                type: "credit" | "reward";
                            };
                            /** @enum {number} */
                            status: 1;
                        };
                    };
                };
                /** @description A client error: `{message, errors?}`. */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Messages per field (`field` or `field.0.name`), for 422 answers. */
                            errors?: {
                                [key: string]: string[];
                            };
                            /** @description What went wrong, in one sentence. */
                            message: string;
                        };
                    };
                };
                /** @description A client error: `{message, errors?}`. */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Messages per field (`field` or `field.0.name`), for 422 answers. */
                            errors?: {
                                [key: string]: string[];
                            };
                            /** @description What went wrong, in one sentence. */
                            message: string;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/customers:invite": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Invite someone by e-mail to the refer-a-friend program (recorded; mailed with SMTP) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** Format: email */
                        email: string;
                        name?: string | null;
                        personalization?: {
                            [key: string]: string | number | boolean | null;
                        } | null;
                        referring_customer?: {
                            id?: string;
                            key?: string;
                        } | null;
                    };
                };
            };
            responses: {
                /** @description Success. */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            data: {
                                created_at: string;
                                email: string;
                                error: string | null;
                                id: string;
                                name: string | null;
                                personalization: {
                                    [key: string]: string | number | boolean | null;
                                };
                                referral_link: string | null;
                                referring_customer: {
                                    key: string;
                                } | null;
                                sent_at: string | null;
                                /** @enum {string} */
                                status: "recorded" | "sent" | "failed";
                            };
                            /** @enum {number} */
                            status: 1;
                        };
                    };
                };
                /** @description A client error: `{message, errors?}`. */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Messages per field (`field` or `field.0.name`), for 422 answers. */
                            errors?: {
                                [key: string]: string[];
                            };
                            /** @description What went wrong, in one sentence. */
                            message: string;
                        };
                    };
                };
                /** @description A client error: `{message, errors?}`. */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Messages per field (`field` or `field.0.name`), for 422 answers. */
                            errors?: {
                                [key: string]: string[];
                            };
                            /** @description What went wrong, in one sentence. */
                            message: string;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/customers:search": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Search customers: key, id or email contain the text */
        get: {
            parameters: {
                query?: {
                    limit?: number;
                    page?: number;
                    sort?: "asc" | "desc";
                    key?: string;
                    id?: string;
                    email?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description A page of the list. */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            data: {
                                created_at: string;
                                deleted_at: string | null;
                                email: string | null;
                                id?: string;
                                key: string;
                                name: string | null;
                                partner: string | null;
                                referring_customer?: {
                                    key: string;
                                } | null;
                                /** @enum {string} */
                                status: "active" | "archived" | "deleted";
                                surname: string | null;
                                tags: {
                                    value: string;
                                }[];
                                updated_at: string;
                            }[];
                            links: {
                                first: string;
                                last: null;
                                next: string | null;
                                prev: string | null;
                            };
                            meta: {
                                current_page: number;
                                from: number | null;
                                path: string;
                                per_page: number;
                                to: number | null;
                            };
                            /** @enum {number} */
                            status: 1;
                        };
                    };
                };
                /** @description A client error: `{message, errors?}`. */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Messages per field (`field` or `field.0.name`), for 422 answers. */
                            errors?: {
                                [key: string]: string[];
                            };
                            /** @description What went wrong, in one sentence. */
                            message: string;
                        };
                    };
                };
                /** @description A client error: `{message, errors?}`. */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Messages per field (`field` or `field.0.name`), for 422 answers. */
                            errors?: {
                                [key: string]: string[];
                            };
                            /** @description What went wrong, in one sentence. */
                            message: string;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/deliveries": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List deliveries, newest first
         * @description Filters: `status`, `event`, `webhook` (key), `since` and `until` (creation time, ISO 8601 or Unix timestamp). `sort=asc` lists oldest first.
         */
        get: {
            parameters: {
                query?: {
                    limit?: number;
                    page?: number;
                    sort?: "asc" | "desc";
                    status?: "pending" | "succeeded" | "failed" | "cancelled";
                    event?: string;
                    since?: string;
                    until?: string;
                    webhook?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description A page of: A delivery: one event going to one webhook. */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            data: {
                                /** @description Attempts made so far. */
                                attempts: number;
                                cancel_reason: string | null;
                                completed_at: string | null;
                                /** @description ISO 8601, microseconds, UTC. */
                                created_at: string;
                                /** @description The event type. */
                                event: string;
                                event_id: string;
                                id: string;
                                last_attempt_at: string | null;
                                last_error: string | null;
                                last_status_code: number | null;
                                next_attempt_at: string | null;
                                /**
                                 * @description `pending`, `succeeded`, `failed` or `cancelled`.
                                 * @enum {string}
                                 */
                                status: "pending" | "succeeded" | "failed" | "cancelled";
                                /** @description ISO 8601, microseconds, UTC. */
                                updated_at: string;
                                /** @description The destination, as it was when the event was dispatched. */
                                url: string;
                                /** @description The webhook it was sent to (kept after a deletion). */
                                webhook_key: string;
                            }[];
                            links: {
                                first: string;
                                last: null;
                                next: string | null;
                                prev: string | null;
                            };
                            meta: {
                                current_page: number;
                                from: number | null;
                                path: string;
                                per_page: number;
                                to: number | null;
                            };
                            /** @enum {number} */
                            status: 1;
                        };
                    };
                };
                /** @description A client error: `{message, errors?}`. */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Messages per field (`field` or `field.0.name`), for 422 answers. */
                            errors?: {
                                [key: string]: string[];
                            };
                            /** @description What went wrong, in one sentence. */
                            message: string;
                        };
                    };
                };
                /** @description A client error: `{message, errors?}`. */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Messages per field (`field` or `field.0.name`), for 422 answers. */
                            errors?: {
                                [key: string]: string[];
                            };
                            /** @description What went wrong, in one sentence. */
                            message: string;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/deliveries/retry": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Queue failed deliveries for another attempt (bulk recovery)
         * @description Sets matching deliveries (default `status=failed`; also `cancelled`) of active webhooks back to pending, due now. Each gets one more scheduled attempt; attempt numbers continue. Answers 202 with how many were queued.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        event?: string;
                        since?: string;
                        /**
                         * @default failed
                         * @enum {string}
                         */
                        status?: "failed" | "cancelled";
                        until?: string;
                        webhook?: string;
                    } | null;
                };
            };
            responses: {
                /** @description Success. */
                202: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            data: {
                                queued: number;
                            };
                            /** @enum {number} */
                            status: 1;
                        };
                    };
                };
                /** @description A client error: `{message, errors?}`. */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Messages per field (`field` or `field.0.name`), for 422 answers. */
                            errors?: {
                                [key: string]: string[];
                            };
                            /** @description What went wrong, in one sentence. */
                            message: string;
                        };
                    };
                };
                /** @description A client error: `{message, errors?}`. */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Messages per field (`field` or `field.0.name`), for 422 answers. */
                            errors?: {
                                [key: string]: string[];
                            };
                            /** @description What went wrong, in one sentence. */
                            message: string;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/deliveries/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Show a delivery with every attempt */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description A delivery with its body and attempts. */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description A delivery with its body and attempts. */
                            data: {
                                attempt_log: {
                                    delivery_id: string;
                                    duration_ms: number;
                                    error_class: string | null;
                                    error_message: string | null;
                                    id: string;
                                    /** @description 1 for the first attempt. */
                                    number: number;
                                    request_headers: {
                                        [key: string]: string;
                                    };
                                    /** @description The first 16 KiB of the answer. */
                                    response_body: string | null;
                                    response_headers: {
                                        [key: string]: string;
                                    } | null;
                                    response_status: number | null;
                                    /** @description ISO 8601, microseconds, UTC. */
                                    started_at: string;
                                    succeeded: boolean;
                                    /**
                                     * @description `scheduled`, `manual` or `test`.
                                     * @enum {string}
                                     */
                                    trigger: "scheduled" | "manual" | "test";
                                }[];
                                /** @description Attempts made so far. */
                                attempts: number;
                                /** @description The envelope, byte for byte as every attempt sent it. */
                                body: string;
                                cancel_reason: string | null;
                                completed_at: string | null;
                                /** @description ISO 8601, microseconds, UTC. */
                                created_at: string;
                                /** @description The event type. */
                                event: string;
                                event_id: string;
                                id: string;
                                last_attempt_at: string | null;
                                last_error: string | null;
                                last_status_code: number | null;
                                next_attempt_at: string | null;
                                /**
                                 * @description `pending`, `succeeded`, `failed` or `cancelled`.
                                 * @enum {string}
                                 */
                                status: "pending" | "succeeded" | "failed" | "cancelled";
                                /** @description ISO 8601, microseconds, UTC. */
                                updated_at: string;
                                /** @description The destination, as it was when the event was dispatched. */
                                url: string;
                                /** @description The webhook it was sent to (kept after a deletion). */
                                webhook_key: string;
                            };
                            /** @enum {number} */
                            status: 1;
                        };
                    };
                };
                /** @description A client error: `{message, errors?}`. */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Messages per field (`field` or `field.0.name`), for 422 answers. */
                            errors?: {
                                [key: string]: string[];
                            };
                            /** @description What went wrong, in one sentence. */
                            message: string;
                        };
                    };
                };
                /** @description A client error: `{message, errors?}`. */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Messages per field (`field` or `field.0.name`), for 422 answers. */
                            errors?: {
                                [key: string]: string[];
                            };
                            /** @description What went wrong, in one sentence. */
                            message: string;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/deliveries/{id}/retry": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Attempt a delivery once, now
         * @description Makes one attempt now (trigger `manual`) and answers with its result. A success makes the delivery `succeeded`; a failure leaves its status and schedule unchanged. Works on pending, failed, cancelled and succeeded deliveries whose webhook still exists and is active; 409 if an attempt is already in flight.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Success. */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            data: {
                                /** @description An attempt of a delivery. */
                                attempt: {
                                    delivery_id: string;
                                    duration_ms: number;
                                    error_class: string | null;
                                    error_message: string | null;
                                    id: string;
                                    /** @description 1 for the first attempt. */
                                    number: number;
                                    request_headers: {
                                        [key: string]: string;
                                    };
                                    /** @description The first 16 KiB of the answer. */
                                    response_body: string | null;
                                    response_headers: {
                                        [key: string]: string;
                                    } | null;
                                    response_status: number | null;
                                    /** @description ISO 8601, microseconds, UTC. */
                                    started_at: string;
                                    succeeded: boolean;
                                    /**
                                     * @description `scheduled`, `manual` or `test`.
                                     * @enum {string}
                                     */
                                    trigger: "scheduled" | "manual" | "test";
                                };
                                /** @description A delivery: one event going to one webhook. */
                                delivery: {
                                    /** @description Attempts made so far. */
                                    attempts: number;
                                    cancel_reason: string | null;
                                    completed_at: string | null;
                                    /** @description ISO 8601, microseconds, UTC. */
                                    created_at: string;
                                    /** @description The event type. */
                                    event: string;
                                    event_id: string;
                                    id: string;
                                    last_attempt_at: string | null;
                                    last_error: string | null;
                                    last_status_code: number | null;
                                    next_attempt_at: string | null;
                                    /**
                                     * @description `pending`, `succeeded`, `failed` or `cancelled`.
                                     * @enum {string}
                                     */
                                    status: "pending" | "succeeded" | "failed" | "cancelled";
                                    /** @description ISO 8601, microseconds, UTC. */
                                    updated_at: string;
                                    /** @description The destination, as it was when the event was dispatched. */
                                    url: string;
                                    /** @description The webhook it was sent to (kept after a deletion). */
                                    webhook_key: string;
                                };
                            };
                            /** @enum {number} */
                            status: 1;
                        };
                    };
                };
                /** @description A client error: `{message, errors?}`. */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Messages per field (`field` or `field.0.name`), for 422 answers. */
                            errors?: {
                                [key: string]: string[];
                            };
                            /** @description What went wrong, in one sentence. */
                            message: string;
                        };
                    };
                };
                /** @description A client error: `{message, errors?}`. */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Messages per field (`field` or `field.0.name`), for 422 answers. */
                            errors?: {
                                [key: string]: string[];
                            };
                            /** @description What went wrong, in one sentence. */
                            message: string;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/event-types": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List the event types */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Every event type of the catalog. */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Every event type of the catalog. */
                            data: {
                                description: string;
                                /** @description e.g. `transaction.created` */
                                name: string;
                                /** @description The resource whose change fires it, e.g. `transaction`. */
                                resource: string;
                                /** @description A realistic `data`, used by test sends. */
                                sample: {
                                    [key: string]: unknown;
                                };
                                /** @description JSON Schema (2020-12) of `data`. */
                                schema: {
                                    [key: string]: unknown;
                                };
                            }[];
                            /** @enum {number} */
                            status: 1;
                        };
                    };
                };
                /** @description A client error: `{message, errors?}`. */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Messages per field (`field` or `field.0.name`), for 422 answers. */
                            errors?: {
                                [key: string]: string[];
                            };
                            /** @description What went wrong, in one sentence. */
                            message: string;
                        };
                    };
                };
                /** @description A client error: `{message, errors?}`. */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Messages per field (`field` or `field.0.name`), for 422 answers. */
                            errors?: {
                                [key: string]: string[];
                            };
                            /** @description What went wrong, in one sentence. */
                            message: string;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/event-types/{name}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Show one event type with its JSON Schema and sample */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    name: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description An event type of the catalog. */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description An event type of the catalog. */
                            data: {
                                description: string;
                                /** @description e.g. `transaction.created` */
                                name: string;
                                /** @description The resource whose change fires it, e.g. `transaction`. */
                                resource: string;
                                /** @description A realistic `data`, used by test sends. */
                                sample: {
                                    [key: string]: unknown;
                                };
                                /** @description JSON Schema (2020-12) of `data`. */
                                schema: {
                                    [key: string]: unknown;
                                };
                            };
                            /** @enum {number} */
                            status: 1;
                        };
                    };
                };
                /** @description A client error: `{message, errors?}`. */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Messages per field (`field` or `field.0.name`), for 422 answers. */
                            errors?: {
                                [key: string]: string[];
                            };
                            /** @description What went wrong, in one sentence. */
                            message: string;
                        };
                    };
                };
                /** @description A client error: `{message, errors?}`. */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Messages per field (`field` or `field.0.name`), for 422 answers. */
                            errors?: {
                                [key: string]: string[];
                            };
                            /** @description What went wrong, in one sentence. */
                            message: string;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/events": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List events, newest first
         * @description Filter: `event`. `sort=asc` lists oldest first.
         */
        get: {
            parameters: {
                query?: {
                    limit?: number;
                    page?: number;
                    sort?: "asc" | "desc";
                    event?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description A page of the list. */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            data: {
                                created_at: string;
                                data: unknown;
                                event: string;
                                id: string;
                                /** @enum {string} */
                                source: "api" | "resource" | "test";
                            }[];
                            links: {
                                first: string;
                                last: null;
                                next: string | null;
                                prev: string | null;
                            };
                            meta: {
                                current_page: number;
                                from: number | null;
                                path: string;
                                per_page: number;
                                to: number | null;
                            };
                            /** @enum {number} */
                            status: 1;
                        };
                    };
                };
                /** @description A client error: `{message, errors?}`. */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Messages per field (`field` or `field.0.name`), for 422 answers. */
                            errors?: {
                                [key: string]: string[];
                            };
                            /** @description What went wrong, in one sentence. */
                            message: string;
                        };
                    };
                };
                /** @description A client error: `{message, errors?}`. */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Messages per field (`field` or `field.0.name`), for 422 answers. */
                            errors?: {
                                [key: string]: string[];
                            };
                            /** @description What went wrong, in one sentence. */
                            message: string;
                        };
                    };
                };
            };
        };
        put?: never;
        /**
         * Publish an event to every subscribed webhook
         * @description Validates `data` against the event type's schema, records the event and one delivery per subscribed active webhook in one transaction. Send `Idempotency-Key` to make retries safe for 24 h.
         */
        post: {
            parameters: {
                query?: never;
                header?: {
                    "idempotency-key"?: string;
                };
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        data: {
                            [key: string]: unknown;
                        };
                        event: string;
                    };
                };
            };
            responses: {
                /** @description Success. */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            data: {
                                created_at: string;
                                data: unknown;
                                deliveries: {
                                    /** @description Attempts made so far. */
                                    attempts: number;
                                    cancel_reason: string | null;
                                    completed_at: string | null;
                                    /** @description ISO 8601, microseconds, UTC. */
                                    created_at: string;
                                    /** @description The event type. */
                                    event: string;
                                    event_id: string;
                                    id: string;
                                    last_attempt_at: string | null;
                                    last_error: string | null;
                                    last_status_code: number | null;
                                    next_attempt_at: string | null;
                                    /**
                                     * @description `pending`, `succeeded`, `failed` or `cancelled`.
                                     * @enum {string}
                                     */
                                    status: "pending" | "succeeded" | "failed" | "cancelled";
                                    /** @description ISO 8601, microseconds, UTC. */
                                    updated_at: string;
                                    /** @description The destination, as it was when the event was dispatched. */
                                    url: string;
                                    /** @description The webhook it was sent to (kept after a deletion). */
                                    webhook_key: string;
                                }[];
                                event: string;
                                id: string;
                                /** @enum {string} */
                                source: "api" | "resource" | "test";
                            };
                            /** @enum {number} */
                            status: 1;
                        };
                    };
                };
                /** @description A client error: `{message, errors?}`. */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Messages per field (`field` or `field.0.name`), for 422 answers. */
                            errors?: {
                                [key: string]: string[];
                            };
                            /** @description What went wrong, in one sentence. */
                            message: string;
                        };
                    };
                };
                /** @description A client error: `{message, errors?}`. */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Messages per field (`field` or `field.0.name`), for 422 answers. */
                            errors?: {
                                [key: string]: string[];
                            };
                            /** @description What went wrong, in one sentence. */
                            message: string;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/events/batch": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Publish up to 100 events at once
         * @description Each item is `{event, data, idempotency_key?}`. Valid items are recorded together in one transaction; invalid ones are not recorded and get their errors. Answers 200 with one result per item, in order: `created` with `event_id`, `replayed` with the `event_id` recorded earlier under the same `idempotency_key` (24 h, shared with the `Idempotency-Key` of `POST /v1/events`), or `invalid` with `errors`. More than 100 items, an empty list or no `events` array is a 422 for the whole request (nothing recorded).
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        events: unknown[];
                    };
                };
            };
            responses: {
                /** @description Success. */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            data: {
                                errors?: {
                                    [key: string]: string[];
                                };
                                event_id?: string;
                                index: number;
                                /** @enum {string} */
                                status: "created" | "replayed" | "invalid";
                            }[];
                            /** @enum {number} */
                            status: 1;
                        };
                    };
                };
                /** @description A client error: `{message, errors?}`. */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Messages per field (`field` or `field.0.name`), for 422 answers. */
                            errors?: {
                                [key: string]: string[];
                            };
                            /** @description What went wrong, in one sentence. */
                            message: string;
                        };
                    };
                };
                /** @description A client error: `{message, errors?}`. */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Messages per field (`field` or `field.0.name`), for 422 answers. */
                            errors?: {
                                [key: string]: string[];
                            };
                            /** @description What went wrong, in one sentence. */
                            message: string;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/events/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Show an event with its deliveries */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Success. */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            data: {
                                created_at: string;
                                data: unknown;
                                deliveries: {
                                    /** @description Attempts made so far. */
                                    attempts: number;
                                    cancel_reason: string | null;
                                    completed_at: string | null;
                                    /** @description ISO 8601, microseconds, UTC. */
                                    created_at: string;
                                    /** @description The event type. */
                                    event: string;
                                    event_id: string;
                                    id: string;
                                    last_attempt_at: string | null;
                                    last_error: string | null;
                                    last_status_code: number | null;
                                    next_attempt_at: string | null;
                                    /**
                                     * @description `pending`, `succeeded`, `failed` or `cancelled`.
                                     * @enum {string}
                                     */
                                    status: "pending" | "succeeded" | "failed" | "cancelled";
                                    /** @description ISO 8601, microseconds, UTC. */
                                    updated_at: string;
                                    /** @description The destination, as it was when the event was dispatched. */
                                    url: string;
                                    /** @description The webhook it was sent to (kept after a deletion). */
                                    webhook_key: string;
                                }[];
                                event: string;
                                id: string;
                                /** @enum {string} */
                                source: "api" | "resource" | "test";
                            };
                            /** @enum {number} */
                            status: 1;
                        };
                    };
                };
                /** @description A client error: `{message, errors?}`. */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Messages per field (`field` or `field.0.name`), for 422 answers. */
                            errors?: {
                                [key: string]: string[];
                            };
                            /** @description What went wrong, in one sentence. */
                            message: string;
                        };
                    };
                };
                /** @description A client error: `{message, errors?}`. */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Messages per field (`field` or `field.0.name`), for 422 answers. */
                            errors?: {
                                [key: string]: string[];
                            };
                            /** @description What went wrong, in one sentence. */
                            message: string;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/leads": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List leads */
        get: {
            parameters: {
                query?: {
                    limit?: number;
                    page?: number;
                    /** @description By id; default desc (newest first) */
                    sort?: "asc" | "desc";
                    status?: "pending" | "converted" | "rejected";
                    /** @description Partner id */
                    partner?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description A page of the list. */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            data: {
                                amount_units: string | null;
                                commission_transaction_amount: number | null;
                                converted_at: string | null;
                                created_at: string;
                                email: string;
                                id: number;
                                name: string | null;
                                partner: string;
                                rejected_at: string | null;
                                reward: string | null;
                                /** @enum {string} */
                                status: "pending" | "converted" | "rejected";
                                updated_at: string;
                            }[];
                            links: {
                                first: string;
                                last: null;
                                next: string | null;
                                prev: string | null;
                            };
                            meta: {
                                current_page: number;
                                from: number | null;
                                path: string;
                                per_page: number;
                                to: number | null;
                            };
                            /** @enum {number} */
                            status: 1;
                        };
                    };
                };
                /** @description A client error: `{message, errors?}`. */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Messages per field (`field` or `field.0.name`), for 422 answers. */
                            errors?: {
                                [key: string]: string[];
                            };
                            /** @description What went wrong, in one sentence. */
                            message: string;
                        };
                    };
                };
                /** @description A client error: `{message, errors?}`. */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Messages per field (`field` or `field.0.name`), for 422 answers. */
                            errors?: {
                                [key: string]: string[];
                            };
                            /** @description What went wrong, in one sentence. */
                            message: string;
                        };
                    };
                };
            };
        };
        put?: never;
        /** Submit a lead for a partner (lead.submitted) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** Format: email */
                        email: string;
                        name?: string | null;
                        partner: {
                            email?: string | null;
                            id?: (string | number) | null;
                            key?: string | null;
                        };
                    };
                };
            };
            responses: {
                /** @description Success. */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            data: {
                                amount_units: string | null;
                                commission_transaction_amount: number | null;
                                converted_at: string | null;
                                created_at: string;
                                email: string;
                                id: number;
                                name: string | null;
                                partner: string;
                                rejected_at: string | null;
                                reward: string | null;
                                /** @enum {string} */
                                status: "pending" | "converted" | "rejected";
                                updated_at: string;
                            };
                            /** @enum {number} */
                            status: 1;
                        };
                    };
                };
                /** @description A client error: `{message, errors?}`. */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Messages per field (`field` or `field.0.name`), for 422 answers. */
                            errors?: {
                                [key: string]: string[];
                            };
                            /** @description What went wrong, in one sentence. */
                            message: string;
                        };
                    };
                };
                /** @description A client error: `{message, errors?}`. */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Messages per field (`field` or `field.0.name`), for 422 answers. */
                            errors?: {
                                [key: string]: string[];
                            };
                            /** @description What went wrong, in one sentence. */
                            message: string;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/leads/convert": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Convert a pending lead; its partner earns commission (lead.converted) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        amount_units?: string;
                        commission_transaction_amount: number | string;
                        id: number;
                    };
                };
            };
            responses: {
                /** @description Success. */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            data: {
                                amount_units: string | null;
                                commission_transaction_amount: number | null;
                                converted_at: string | null;
                                created_at: string;
                                email: string;
                                id: number;
                                name: string | null;
                                partner: string;
                                rejected_at: string | null;
                                reward: string | null;
                                /** @enum {string} */
                                status: "pending" | "converted" | "rejected";
                                updated_at: string;
                            };
                            /** @enum {number} */
                            status: 1;
                        };
                    };
                };
                /** @description A client error: `{message, errors?}`. */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Messages per field (`field` or `field.0.name`), for 422 answers. */
                            errors?: {
                                [key: string]: string[];
                            };
                            /** @description What went wrong, in one sentence. */
                            message: string;
                        };
                    };
                };
                /** @description A client error: `{message, errors?}`. */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Messages per field (`field` or `field.0.name`), for 422 answers. */
                            errors?: {
                                [key: string]: string[];
                            };
                            /** @description What went wrong, in one sentence. */
                            message: string;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/leads/reject": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Reject a pending lead (lead.rejected) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        id: number;
                    };
                };
            };
            responses: {
                /** @description Success. */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            data: {
                                amount_units: string | null;
                                commission_transaction_amount: number | null;
                                converted_at: string | null;
                                created_at: string;
                                email: string;
                                id: number;
                                name: string | null;
                                partner: string;
                                rejected_at: string | null;
                                reward: string | null;
                                /** @enum {string} */
                                status: "pending" | "converted" | "rejected";
                                updated_at: string;
                            };
                            /** @enum {number} */
                            status: 1;
                        };
                    };
                };
                /** @description A client error: `{message, errors?}`. */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Messages per field (`field` or `field.0.name`), for 422 answers. */
                            errors?: {
                                [key: string]: string[];
                            };
                            /** @description What went wrong, in one sentence. */
                            message: string;
                        };
                    };
                };
                /** @description A client error: `{message, errors?}`. */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Messages per field (`field` or `field.0.name`), for 422 answers. */
                            errors?: {
                                [key: string]: string[];
                            };
                            /** @description What went wrong, in one sentence. */
                            message: string;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/leads/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Show a lead */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Success. */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            data: {
                                amount_units: string | null;
                                commission_transaction_amount: number | null;
                                converted_at: string | null;
                                created_at: string;
                                email: string;
                                id: number;
                                name: string | null;
                                partner: string;
                                rejected_at: string | null;
                                reward: string | null;
                                /** @enum {string} */
                                status: "pending" | "converted" | "rejected";
                                updated_at: string;
                            };
                            /** @enum {number} */
                            status: 1;
                        };
                    };
                };
                /** @description A client error: `{message, errors?}`. */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Messages per field (`field` or `field.0.name`), for 422 answers. */
                            errors?: {
                                [key: string]: string[];
                            };
                            /** @description What went wrong, in one sentence. */
                            message: string;
                        };
                    };
                };
                /** @description A client error: `{message, errors?}`. */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Messages per field (`field` or `field.0.name`), for 422 answers. */
                            errors?: {
                                [key: string]: string[];
                            };
                            /** @description What went wrong, in one sentence. */
                            message: string;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        /** Delete a lead for good (no event) */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Done. */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {number} */
                            status: 1;
                        };
                    };
                };
                /** @description A client error: `{message, errors?}`. */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Messages per field (`field` or `field.0.name`), for 422 answers. */
                            errors?: {
                                [key: string]: string[];
                            };
                            /** @description What went wrong, in one sentence. */
                            message: string;
                        };
                    };
                };
                /** @description A client error: `{message, errors?}`. */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Messages per field (`field` or `field.0.name`), for 422 answers. */
                            errors?: {
                                [key: string]: string[];
                            };
                            /** @description What went wrong, in one sentence. */
                            message: string;
                        };
                    };
                };
            };
        };
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/listeners": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List listeners */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Success. */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            data: {
                                /** @description Whether a session is connected to this server process. */
                                connected: boolean;
                                /** @description Why Hookline stopped it (e.g. "API key revoked"), while it stays stopped; else null. */
                                disabled_reason: string | null;
                                events: string[];
                                id: string;
                                is_active: boolean;
                                key: string;
                                name: string;
                                /** @description The listener's signing secret. */
                                signature: string;
                                /** @description `listener:<id>`: deliveries go to the connected session. */
                                url: string;
                            }[];
                            /** @enum {number} */
                            status: 1;
                        };
                    };
                };
                /** @description A client error: `{message, errors?}`. */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Messages per field (`field` or `field.0.name`), for 422 answers. */
                            errors?: {
                                [key: string]: string[];
                            };
                            /** @description What went wrong, in one sentence. */
                            message: string;
                        };
                    };
                };
                /** @description A client error: `{message, errors?}`. */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Messages per field (`field` or `field.0.name`), for 422 answers. */
                            errors?: {
                                [key: string]: string[];
                            };
                            /** @description What went wrong, in one sentence. */
                            message: string;
                        };
                    };
                };
            };
        };
        put?: never;
        /** Register (or reactivate) the listener of a device */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        device: string;
                        /**
                         * @default [
                         *       "*"
                         *     ]
                         */
                        events?: string[];
                    };
                };
            };
            responses: {
                /** @description A listener of `hookline listen`. */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description A listener of `hookline listen`. */
                            data: {
                                /** @description Whether a session is connected to this server process. */
                                connected: boolean;
                                /** @description Why Hookline stopped it (e.g. "API key revoked"), while it stays stopped; else null. */
                                disabled_reason: string | null;
                                events: string[];
                                id: string;
                                is_active: boolean;
                                key: string;
                                name: string;
                                /** @description The listener's signing secret. */
                                signature: string;
                                /** @description `listener:<id>`: deliveries go to the connected session. */
                                url: string;
                            };
                            /** @enum {number} */
                            status: 1;
                        };
                    };
                };
                /** @description A listener of `hookline listen`. */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description A listener of `hookline listen`. */
                            data: {
                                /** @description Whether a session is connected to this server process. */
                                connected: boolean;
                                /** @description Why Hookline stopped it (e.g. "API key revoked"), while it stays stopped; else null. */
                                disabled_reason: string | null;
                                events: string[];
                                id: string;
                                is_active: boolean;
                                key: string;
                                name: string;
                                /** @description The listener's signing secret. */
                                signature: string;
                                /** @description `listener:<id>`: deliveries go to the connected session. */
                                url: string;
                            };
                            /** @enum {number} */
                            status: 1;
                        };
                    };
                };
                /** @description A client error: `{message, errors?}`. */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Messages per field (`field` or `field.0.name`), for 422 answers. */
                            errors?: {
                                [key: string]: string[];
                            };
                            /** @description What went wrong, in one sentence. */
                            message: string;
                        };
                    };
                };
                /** @description A client error: `{message, errors?}`. */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Messages per field (`field` or `field.0.name`), for 422 answers. */
                            errors?: {
                                [key: string]: string[];
                            };
                            /** @description What went wrong, in one sentence. */
                            message: string;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/listeners/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Stop a listener (deactivate; pending deliveries are cancelled) */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Done. */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {number} */
                            status: 1;
                        };
                    };
                };
                /** @description A client error: `{message, errors?}`. */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Messages per field (`field` or `field.0.name`), for 422 answers. */
                            errors?: {
                                [key: string]: string[];
                            };
                            /** @description What went wrong, in one sentence. */
                            message: string;
                        };
                    };
                };
                /** @description A client error: `{message, errors?}`. */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Messages per field (`field` or `field.0.name`), for 422 answers. */
                            errors?: {
                                [key: string]: string[];
                            };
                            /** @description What went wrong, in one sentence. */
                            message: string;
                        };
                    };
                };
            };
        };
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/listeners/{id}/responses": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Report the local endpoint's answer to one attempt */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        attempt: string;
                        /** @default  */
                        body?: string;
                        /** @default {} */
                        headers?: {
                            [key: string]: string;
                        };
                        status: number;
                    } | {
                        attempt: string;
                        error: {
                            /** @enum {string} */
                            class: "connection" | "timeout" | "dns";
                            message: string;
                        };
                    };
                };
            };
            responses: {
                /** @description Success. */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            data: {
                                /** @enum {boolean} */
                                accepted: true;
                            };
                            /** @enum {number} */
                            status: 1;
                        };
                    };
                };
                /** @description A client error: `{message, errors?}`. */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Messages per field (`field` or `field.0.name`), for 422 answers. */
                            errors?: {
                                [key: string]: string[];
                            };
                            /** @description What went wrong, in one sentence. */
                            message: string;
                        };
                    };
                };
                /** @description A client error: `{message, errors?}`. */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Messages per field (`field` or `field.0.name`), for 422 answers. */
                            errors?: {
                                [key: string]: string[];
                            };
                            /** @description What went wrong, in one sentence. */
                            message: string;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/listeners/{id}/stream": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The event stream of a listener session (text/event-stream) */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description The event stream */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "text/event-stream": string;
                    };
                };
                /** @description A client error: `{message, errors?}`. */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "text/event-stream": {
                            /** @description Messages per field (`field` or `field.0.name`), for 422 answers. */
                            errors?: {
                                [key: string]: string[];
                            };
                            /** @description What went wrong, in one sentence. */
                            message: string;
                        };
                    };
                };
                /** @description A client error: `{message, errors?}`. */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "text/event-stream": {
                            /** @description Messages per field (`field` or `field.0.name`), for 422 answers. */
                            errors?: {
                                [key: string]: string[];
                            };
                            /** @description What went wrong, in one sentence. */
                            message: string;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/partner": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Show a partner by referral key, email or id (Partnero legacy lookup) */
        get: {
            parameters: {
                query?: {
                    id?: (string | number) | null;
                    key?: string | null;
                    email?: string | null;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Success. */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            data: {
                                approved: boolean;
                                created_at: string;
                                deleted_at: string | null;
                                email: string;
                                id: string;
                                key: string;
                                name: string | null;
                                referral_link: string | null;
                                referral_links: string[];
                                referrals_count: number;
                                /** @enum {string} */
                                status: "pending" | "active" | "rejected" | "archived";
                                surname: string | null;
                                tags: {
                                    value: string;
                                }[];
                                updated_at: string;
                            };
                            /** @enum {number} */
                            status: 1;
                        };
                    };
                };
                /** @description A client error: `{message, errors?}`. */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Messages per field (`field` or `field.0.name`), for 422 answers. */
                            errors?: {
                                [key: string]: string[];
                            };
                            /** @description What went wrong, in one sentence. */
                            message: string;
                        };
                    };
                };
                /** @description A client error: `{message, errors?}`. */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Messages per field (`field` or `field.0.name`), for 422 answers. */
                            errors?: {
                                [key: string]: string[];
                            };
                            /** @description What went wrong, in one sentence. */
                            message: string;
                        };
                    };
                };
            };
        };
        /**
         * Update the partner named by body key, email or id (partner.updated)
         * @deprecated
         * @description Partnero's deprecated singular form of `/partners`.
         */
        put: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        email?: string | null;
                        id?: (string | number) | null;
                        key?: string | null;
                        update: {
                            email?: string | null;
                            key?: string | null;
                            name?: string | null;
                            password?: string | null;
                            surname?: string | null;
                            tags?: string[] | null;
                        };
                    };
                };
            };
            responses: {
                /** @description Success. */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            data: {
                                approved: boolean;
                                created_at: string;
                                deleted_at: string | null;
                                email: string;
                                id: string;
                                key: string;
                                name: string | null;
                                referral_link: string | null;
                                referral_links: string[];
                                referrals_count: number;
                                /** @enum {string} */
                                status: "pending" | "active" | "rejected" | "archived";
                                surname: string | null;
                                tags: {
                                    value: string;
                                }[];
                                updated_at: string;
                            };
                            /** @enum {number} */
                            status: 1;
                        };
                    };
                };
                /** @description A client error: `{message, errors?}`. */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Messages per field (`field` or `field.0.name`), for 422 answers. */
                            errors?: {
                                [key: string]: string[];
                            };
                            /** @description What went wrong, in one sentence. */
                            message: string;
                        };
                    };
                };
                /** @description A client error: `{message, errors?}`. */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Messages per field (`field` or `field.0.name`), for 422 answers. */
                            errors?: {
                                [key: string]: string[];
                            };
                            /** @description What went wrong, in one sentence. */
                            message: string;
                        };
                    };
                };
            };
        };
        /**
         * Create a partner (partner.created)
         * @deprecated
         * @description Partnero's deprecated singular form of `/partners`.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** Format: email */
                        email: string;
                        id?: (string | number) | null;
                        key?: string | null;
                        name?: string | null;
                        password?: string | null;
                        surname?: string | null;
                        tags?: string[] | null;
                    };
                };
            };
            responses: {
                /** @description Success. */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            data: {
                                approved: boolean;
                                created_at: string;
                                deleted_at: string | null;
                                email: string;
                                id: string;
                                key: string;
                                name: string | null;
                                referral_link: string | null;
                                referral_links: string[];
                                referrals_count: number;
                                /** @enum {string} */
                                status: "pending" | "active" | "rejected" | "archived";
                                surname: string | null;
                                tags: {
                                    value: string;
                                }[];
                                updated_at: string;
                            };
                            /** @enum {number} */
                            status: 1;
                        };
                    };
                };
                /** @description A client error: `{message, errors?}`. */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Messages per field (`field` or `field.0.name`), for 422 answers. */
                            errors?: {
                                [key: string]: string[];
                            };
                            /** @description What went wrong, in one sentence. */
                            message: string;
                        };
                    };
                };
                /** @description A client error: `{message, errors?}`. */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Messages per field (`field` or `field.0.name`), for 422 answers. */
                            errors?: {
                                [key: string]: string[];
                            };
                            /** @description What went wrong, in one sentence. */
                            message: string;
                        };
                    };
                };
            };
        };
        /**
         * Delete the partner named by query key, email or id (partner.deleted)
         * @deprecated
         * @description Partnero's deprecated singular form of `/partners`.
         */
        delete: {
            parameters: {
                query?: {
                    id?: (string | number) | null;
                    key?: string | null;
                    email?: string | null;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Done. */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {number} */
                            status: 1;
                        };
                    };
                };
                /** @description A client error: `{message, errors?}`. */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Messages per field (`field` or `field.0.name`), for 422 answers. */
                            errors?: {
                                [key: string]: string[];
                            };
                            /** @description What went wrong, in one sentence. */
                            message: string;
                        };
                    };
                };
                /** @description A client error: `{message, errors?}`. */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Messages per field (`field` or `field.0.name`), for 422 answers. */
                            errors?: {
                                [key: string]: string[];
                            };
                            /** @description What went wrong, in one sentence. */
                            message: string;
                        };
                    };
                };
            };
        };
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/partner_referral_links": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Add a referral link to a partner (partner.updated) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        domain_id?: string | number | null;
                        is_additional?: boolean | null;
                        key: string;
                        partner: {
                            email?: string | null;
                            id?: (string | number) | null;
                            key?: string | null;
                        };
                    };
                };
            };
            responses: {
                /** @description Success. */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            data: {
                                created_at: string;
                                default: boolean;
                                direct_tracking: boolean;
                                direct_tracking_redirect: boolean;
                                direct_tracking_redirect_url: string | null;
                                id: string;
                                is_additional: boolean;
                                key: string;
                                partner: string;
                                updated_at: string;
                                url: string | null;
                            };
                            /** @enum {number} */
                            status: 1;
                        };
                    };
                };
                /** @description A client error: `{message, errors?}`. */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Messages per field (`field` or `field.0.name`), for 422 answers. */
                            errors?: {
                                [key: string]: string[];
                            };
                            /** @description What went wrong, in one sentence. */
                            message: string;
                        };
                    };
                };
                /** @description A client error: `{message, errors?}`. */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Messages per field (`field` or `field.0.name`), for 422 answers. */
                            errors?: {
                                [key: string]: string[];
                            };
                            /** @description What went wrong, in one sentence. */
                            message: string;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/partner_referral_links/{key}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Show a referral link */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    key: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Success. */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            data: {
                                created_at: string;
                                default: boolean;
                                direct_tracking: boolean;
                                direct_tracking_redirect: boolean;
                                direct_tracking_redirect_url: string | null;
                                id: string;
                                is_additional: boolean;
                                key: string;
                                partner: string;
                                updated_at: string;
                                url: string | null;
                            };
                            /** @enum {number} */
                            status: 1;
                        };
                    };
                };
                /** @description A client error: `{message, errors?}`. */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Messages per field (`field` or `field.0.name`), for 422 answers. */
                            errors?: {
                                [key: string]: string[];
                            };
                            /** @description What went wrong, in one sentence. */
                            message: string;
                        };
                    };
                };
                /** @description A client error: `{message, errors?}`. */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Messages per field (`field` or `field.0.name`), for 422 answers. */
                            errors?: {
                                [key: string]: string[];
                            };
                            /** @description What went wrong, in one sentence. */
                            message: string;
                        };
                    };
                };
            };
        };
        /** Change a link's key; the main link's is the partner's key (partner.updated) */
        put: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    key: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        key?: string | null;
                    };
                };
            };
            responses: {
                /** @description Success. */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            data: {
                                created_at: string;
                                default: boolean;
                                direct_tracking: boolean;
                                direct_tracking_redirect: boolean;
                                direct_tracking_redirect_url: string | null;
                                id: string;
                                is_additional: boolean;
                                key: string;
                                partner: string;
                                updated_at: string;
                                url: string | null;
                            };
                            /** @enum {number} */
                            status: 1;
                        };
                    };
                };
                /** @description A client error: `{message, errors?}`. */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Messages per field (`field` or `field.0.name`), for 422 answers. */
                            errors?: {
                                [key: string]: string[];
                            };
                            /** @description What went wrong, in one sentence. */
                            message: string;
                        };
                    };
                };
                /** @description A client error: `{message, errors?}`. */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Messages per field (`field` or `field.0.name`), for 422 answers. */
                            errors?: {
                                [key: string]: string[];
                            };
                            /** @description What went wrong, in one sentence. */
                            message: string;
                        };
                    };
                };
            };
        };
        post?: never;
        /** Remove an additional referral link (partner.updated) */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    key: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Done. */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {number} */
                            status: 1;
                        };
                    };
                };
                /** @description A client error: `{message, errors?}`. */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Messages per field (`field` or `field.0.name`), for 422 answers. */
                            errors?: {
                                [key: string]: string[];
                            };
                            /** @description What went wrong, in one sentence. */
                            message: string;
                        };
                    };
                };
                /** @description A client error: `{message, errors?}`. */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Messages per field (`field` or `field.0.name`), for 422 answers. */
                            errors?: {
                                [key: string]: string[];
                            };
                            /** @description What went wrong, in one sentence. */
                            message: string;
                        };
                    };
                };
            };
        };
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/partner_referral_links:search": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Search partners' referral links: the key (or id) contains the text */
        get: {
            parameters: {
                query?: {
                    limit?: number;
                    page?: number;
                    sort?: "asc" | "desc";
                    key?: string;
                    id?: string;
                    partner?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description A page of the list. */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            data: {
                                created_at: string;
                                default: boolean;
                                direct_tracking: boolean;
                                direct_tracking_redirect: boolean;
                                direct_tracking_redirect_url: string | null;
                                id: string;
                                is_additional: boolean;
                                key: string;
                                partner: string;
                                updated_at: string;
                                url: string | null;
                            }[];
                            links: {
                                first: string;
                                last: null;
                                next: string | null;
                                prev: string | null;
                            };
                            meta: {
                                current_page: number;
                                from: number | null;
                                path: string;
                                per_page: number;
                                to: number | null;
                            };
                            /** @enum {number} */
                            status: 1;
                        };
                    };
                };
                /** @description A client error: `{message, errors?}`. */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Messages per field (`field` or `field.0.name`), for 422 answers. */
                            errors?: {
                                [key: string]: string[];
                            };
                            /** @description What went wrong, in one sentence. */
                            message: string;
                        };
                    };
                };
                /** @description A client error: `{message, errors?}`. */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Messages per field (`field` or `field.0.name`), for 422 answers. */
                            errors?: {
                                [key: string]: string[];
                            };
                            /** @description What went wrong, in one sentence. */
                            message: string;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/partners": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List partners, oldest first (sort=desc: newest first) */
        get: {
            parameters: {
                query?: {
                    limit?: number;
                    page?: number;
                    sort?: "asc" | "desc";
                    email?: string;
                    key?: string;
                    status?: "pending" | "active" | "rejected" | "archived";
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description A page of the list. */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            data: {
                                approved: boolean;
                                created_at: string;
                                deleted_at: string | null;
                                email: string;
                                id: string;
                                key: string;
                                name: string | null;
                                referral_link: string | null;
                                referral_links: string[];
                                referrals_count: number;
                                /** @enum {string} */
                                status: "pending" | "active" | "rejected" | "archived";
                                surname: string | null;
                                tags: {
                                    value: string;
                                }[];
                                updated_at: string;
                            }[];
                            links: {
                                first: string;
                                last: null;
                                next: string | null;
                                prev: string | null;
                            };
                            meta: {
                                current_page: number;
                                from: number | null;
                                path: string;
                                per_page: number;
                                to: number | null;
                            };
                            /** @enum {number} */
                            status: 1;
                        };
                    };
                };
                /** @description A client error: `{message, errors?}`. */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Messages per field (`field` or `field.0.name`), for 422 answers. */
                            errors?: {
                                [key: string]: string[];
                            };
                            /** @description What went wrong, in one sentence. */
                            message: string;
                        };
                    };
                };
                /** @description A client error: `{message, errors?}`. */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Messages per field (`field` or `field.0.name`), for 422 answers. */
                            errors?: {
                                [key: string]: string[];
                            };
                            /** @description What went wrong, in one sentence. */
                            message: string;
                        };
                    };
                };
            };
        };
        /** Update the partner named by body key, email or id (partner.updated) */
        put: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        email?: string | null;
                        id?: (string | number) | null;
                        key?: string | null;
                        update: {
                            email?: string | null;
                            key?: string | null;
                            name?: string | null;
                            password?: string | null;
                            surname?: string | null;
                            tags?: string[] | null;
                        };
                    };
                };
            };
            responses: {
                /** @description Success. */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            data: {
                                approved: boolean;
                                created_at: string;
                                deleted_at: string | null;
                                email: string;
                                id: string;
                                key: string;
                                name: string | null;
                                referral_link: string | null;
                                referral_links: string[];
                                referrals_count: number;
                                /** @enum {string} */
                                status: "pending" | "active" | "rejected" | "archived";
                                surname: string | null;
                                tags: {
                                    value: string;
                                }[];
                                updated_at: string;
                            };
                            /** @enum {number} */
                            status: 1;
                        };
                    };
                };
                /** @description A client error: `{message, errors?}`. */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Messages per field (`field` or `field.0.name`), for 422 answers. */
                            errors?: {
                                [key: string]: string[];
                            };
                            /** @description What went wrong, in one sentence. */
                            message: string;
                        };
                    };
                };
                /** @description A client error: `{message, errors?}`. */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Messages per field (`field` or `field.0.name`), for 422 answers. */
                            errors?: {
                                [key: string]: string[];
                            };
                            /** @description What went wrong, in one sentence. */
                            message: string;
                        };
                    };
                };
            };
        };
        /** Create a partner (partner.created) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** Format: email */
                        email: string;
                        id?: (string | number) | null;
                        key?: string | null;
                        name?: string | null;
                        password?: string | null;
                        surname?: string | null;
                        tags?: string[] | null;
                    };
                };
            };
            responses: {
                /** @description Success. */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            data: {
                                approved: boolean;
                                created_at: string;
                                deleted_at: string | null;
                                email: string;
                                id: string;
                                key: string;
                                name: string | null;
                                referral_link: string | null;
                                referral_links: string[];
                                referrals_count: number;
                                /** @enum {string} */
                                status: "pending" | "active" | "rejected" | "archived";
                                surname: string | null;
                                tags: {
                                    value: string;
                                }[];
                                updated_at: string;
                            };
                            /** @enum {number} */
                            status: 1;
                        };
                    };
                };
                /** @description A client error: `{message, errors?}`. */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Messages per field (`field` or `field.0.name`), for 422 answers. */
                            errors?: {
                                [key: string]: string[];
                            };
                            /** @description What went wrong, in one sentence. */
                            message: string;
                        };
                    };
                };
                /** @description A client error: `{message, errors?}`. */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Messages per field (`field` or `field.0.name`), for 422 answers. */
                            errors?: {
                                [key: string]: string[];
                            };
                            /** @description What went wrong, in one sentence. */
                            message: string;
                        };
                    };
                };
            };
        };
        /** Delete the partner named by query key, email or id (partner.deleted) */
        delete: {
            parameters: {
                query?: {
                    id?: (string | number) | null;
                    key?: string | null;
                    email?: string | null;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Done. */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {number} */
                            status: 1;
                        };
                    };
                };
                /** @description A client error: `{message, errors?}`. */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Messages per field (`field` or `field.0.name`), for 422 answers. */
                            errors?: {
                                [key: string]: string[];
                            };
                            /** @description What went wrong, in one sentence. */
                            message: string;
                        };
                    };
                };
                /** @description A client error: `{message, errors?}`. */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Messages per field (`field` or `field.0.name`), for 422 answers. */
                            errors?: {
                                [key: string]: string[];
                            };
                            /** @description What went wrong, in one sentence. */
                            message: string;
                        };
                    };
                };
            };
        };
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/partners/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Show a partner
         * @description The path holds the partner id. The PHP SDK also sends `?key=` or `?email=`; when given, they name the partner instead.
         */
        get: {
            parameters: {
                query?: {
                    key?: string | null;
                    email?: string | null;
                };
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Success. */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            data: {
                                approved: boolean;
                                created_at: string;
                                deleted_at: string | null;
                                email: string;
                                id: string;
                                key: string;
                                name: string | null;
                                referral_link: string | null;
                                referral_links: string[];
                                referrals_count: number;
                                /** @enum {string} */
                                status: "pending" | "active" | "rejected" | "archived";
                                surname: string | null;
                                tags: {
                                    value: string;
                                }[];
                                updated_at: string;
                            };
                            /** @enum {number} */
                            status: 1;
                        };
                    };
                };
                /** @description A client error: `{message, errors?}`. */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Messages per field (`field` or `field.0.name`), for 422 answers. */
                            errors?: {
                                [key: string]: string[];
                            };
                            /** @description What went wrong, in one sentence. */
                            message: string;
                        };
                    };
                };
                /** @description A client error: `{message, errors?}`. */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Messages per field (`field` or `field.0.name`), for 422 answers. */
                            errors?: {
                                [key: string]: string[];
                            };
                            /** @description What went wrong, in one sentence. */
                            message: string;
                        };
                    };
                };
            };
        };
        /** Update a partner (partner.updated) */
        put: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        update: {
                            email?: string | null;
                            key?: string | null;
                            name?: string | null;
                            password?: string | null;
                            surname?: string | null;
                            tags?: string[] | null;
                        };
                    } | {
                        email?: string | null;
                        key?: string | null;
                        name?: string | null;
                        password?: string | null;
                        surname?: string | null;
                        tags?: string[] | null;
                    };
                };
            };
            responses: {
                /** @description Success. */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            data: {
                                approved: boolean;
                                created_at: string;
                                deleted_at: string | null;
                                email: string;
                                id: string;
                                key: string;
                                name: string | null;
                                referral_link: string | null;
                                referral_links: string[];
                                referrals_count: number;
                                /** @enum {string} */
                                status: "pending" | "active" | "rejected" | "archived";
                                surname: string | null;
                                tags: {
                                    value: string;
                                }[];
                                updated_at: string;
                            };
                            /** @enum {number} */
                            status: 1;
                        };
                    };
                };
                /** @description A client error: `{message, errors?}`. */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Messages per field (`field` or `field.0.name`), for 422 answers. */
                            errors?: {
                                [key: string]: string[];
                            };
                            /** @description What went wrong, in one sentence. */
                            message: string;
                        };
                    };
                };
                /** @description A client error: `{message, errors?}`. */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Messages per field (`field` or `field.0.name`), for 422 answers. */
                            errors?: {
                                [key: string]: string[];
                            };
                            /** @description What went wrong, in one sentence. */
                            message: string;
                        };
                    };
                };
            };
        };
        post?: never;
        /** Delete a partner (partner.deleted) */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Done. */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {number} */
                            status: 1;
                        };
                    };
                };
                /** @description A client error: `{message, errors?}`. */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Messages per field (`field` or `field.0.name`), for 422 answers. */
                            errors?: {
                                [key: string]: string[];
                            };
                            /** @description What went wrong, in one sentence. */
                            message: string;
                        };
                    };
                };
                /** @description A client error: `{message, errors?}`. */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Messages per field (`field` or `field.0.name`), for 422 answers. */
                            errors?: {
                                [key: string]: string[];
                            };
                            /** @description What went wrong, in one sentence. */
                            message: string;
                        };
                    };
                };
            };
        };
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/partners/{id}/approve": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Approve a pending partner (partner.approved) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Success. */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            data: {
                                approved: boolean;
                                created_at: string;
                                deleted_at: string | null;
                                email: string;
                                id: string;
                                key: string;
                                name: string | null;
                                referral_link: string | null;
                                referral_links: string[];
                                referrals_count: number;
                                /** @enum {string} */
                                status: "pending" | "active" | "rejected" | "archived";
                                surname: string | null;
                                tags: {
                                    value: string;
                                }[];
                                updated_at: string;
                            };
                            /** @enum {number} */
                            status: 1;
                        };
                    };
                };
                /** @description A client error: `{message, errors?}`. */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Messages per field (`field` or `field.0.name`), for 422 answers. */
                            errors?: {
                                [key: string]: string[];
                            };
                            /** @description What went wrong, in one sentence. */
                            message: string;
                        };
                    };
                };
                /** @description A client error: `{message, errors?}`. */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Messages per field (`field` or `field.0.name`), for 422 answers. */
                            errors?: {
                                [key: string]: string[];
                            };
                            /** @description What went wrong, in one sentence. */
                            message: string;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/partners/{id}/archive": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Archive a partner (partner.archived) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Success. */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            data: {
                                approved: boolean;
                                created_at: string;
                                deleted_at: string | null;
                                email: string;
                                id: string;
                                key: string;
                                name: string | null;
                                referral_link: string | null;
                                referral_links: string[];
                                referrals_count: number;
                                /** @enum {string} */
                                status: "pending" | "active" | "rejected" | "archived";
                                surname: string | null;
                                tags: {
                                    value: string;
                                }[];
                                updated_at: string;
                            };
                            /** @enum {number} */
                            status: 1;
                        };
                    };
                };
                /** @description A client error: `{message, errors?}`. */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Messages per field (`field` or `field.0.name`), for 422 answers. */
                            errors?: {
                                [key: string]: string[];
                            };
                            /** @description What went wrong, in one sentence. */
                            message: string;
                        };
                    };
                };
                /** @description A client error: `{message, errors?}`. */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Messages per field (`field` or `field.0.name`), for 422 answers. */
                            errors?: {
                                [key: string]: string[];
                            };
                            /** @description What went wrong, in one sentence. */
                            message: string;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/partners/{id}/postbacks": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The partner's postbacks */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            data: {
                                consecutive_failures: number;
                                /** @description ISO 8601, UTC */
                                created_at: string;
                                disabled_at: string | null;
                                /** @description Why Hookline disabled it, while it stays disabled. */
                                disabled_reason: string | null;
                                events: string[];
                                failing_since: string | null;
                                /**
                                 * @description `webhook`: Hookline's signed envelope; `url`: a URL template with macros.
                                 * @enum {string}
                                 */
                                format: "webhook" | "url";
                                id: string;
                                is_active: boolean;
                                /** @description url format: `GET` or `POST` (a form body); null for webhook format. */
                                method: ("GET" | "POST") | null;
                                partner: {
                                    id: string;
                                    key: string;
                                };
                                /** @description The signing secret (webhook format; `Signature` and Standard Webhooks headers). Null for url format. */
                                secret: string | null;
                                /** @description ISO 8601, UTC */
                                updated_at: string;
                                /** @description The endpoint (webhook format) or the URL template (url format). */
                                url: string;
                            }[];
                            /** @enum {number} */
                            status: 1;
                        };
                    };
                };
                /** @description A client error: `{message, errors?}`. */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Messages per field (`field` or `field.0.name`), for 422 answers. */
                            errors?: {
                                [key: string]: string[];
                            };
                            /** @description What went wrong, in one sentence. */
                            message: string;
                        };
                    };
                };
                /** @description A client error: `{message, errors?}`. */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Messages per field (`field` or `field.0.name`), for 422 answers. */
                            errors?: {
                                [key: string]: string[];
                            };
                            /** @description What went wrong, in one sentence. */
                            message: string;
                        };
                    };
                };
            };
        };
        put?: never;
        /** Register a postback (at most 5 per partner unless the program says otherwise) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description Event types, among those the program allows. */
                        events: ("customer.created" | "transaction.created" | "transaction.deleted" | "reward.created" | "reward.approved" | "reward.paid" | "lead.submitted" | "lead.converted")[];
                        /** @enum {string} */
                        format: "webhook" | "url";
                        is_active?: boolean | null;
                        /** @description url format only; default `GET`. */
                        method?: ("GET" | "POST") | null;
                        url: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description A partner's postback. */
                            data: {
                                consecutive_failures: number;
                                /** @description ISO 8601, UTC */
                                created_at: string;
                                disabled_at: string | null;
                                /** @description Why Hookline disabled it, while it stays disabled. */
                                disabled_reason: string | null;
                                events: string[];
                                failing_since: string | null;
                                /**
                                 * @description `webhook`: Hookline's signed envelope; `url`: a URL template with macros.
                                 * @enum {string}
                                 */
                                format: "webhook" | "url";
                                id: string;
                                is_active: boolean;
                                /** @description url format: `GET` or `POST` (a form body); null for webhook format. */
                                method: ("GET" | "POST") | null;
                                partner: {
                                    id: string;
                                    key: string;
                                };
                                /** @description The signing secret (webhook format; `Signature` and Standard Webhooks headers). Null for url format. */
                                secret: string | null;
                                /** @description ISO 8601, UTC */
                                updated_at: string;
                                /** @description The endpoint (webhook format) or the URL template (url format). */
                                url: string;
                            };
                            /** @enum {number} */
                            status: 1;
                        };
                    };
                };
                /** @description A client error: `{message, errors?}`. */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Messages per field (`field` or `field.0.name`), for 422 answers. */
                            errors?: {
                                [key: string]: string[];
                            };
                            /** @description What went wrong, in one sentence. */
                            message: string;
                        };
                    };
                };
                /** @description A client error: `{message, errors?}`. */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Messages per field (`field` or `field.0.name`), for 422 answers. */
                            errors?: {
                                [key: string]: string[];
                            };
                            /** @description What went wrong, in one sentence. */
                            message: string;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/partners/{id}/postbacks/{postback}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Show a postback */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                    postback: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description A partner's postback. */
                            data: {
                                consecutive_failures: number;
                                /** @description ISO 8601, UTC */
                                created_at: string;
                                disabled_at: string | null;
                                /** @description Why Hookline disabled it, while it stays disabled. */
                                disabled_reason: string | null;
                                events: string[];
                                failing_since: string | null;
                                /**
                                 * @description `webhook`: Hookline's signed envelope; `url`: a URL template with macros.
                                 * @enum {string}
                                 */
                                format: "webhook" | "url";
                                id: string;
                                is_active: boolean;
                                /** @description url format: `GET` or `POST` (a form body); null for webhook format. */
                                method: ("GET" | "POST") | null;
                                partner: {
                                    id: string;
                                    key: string;
                                };
                                /** @description The signing secret (webhook format; `Signature` and Standard Webhooks headers). Null for url format. */
                                secret: string | null;
                                /** @description ISO 8601, UTC */
                                updated_at: string;
                                /** @description The endpoint (webhook format) or the URL template (url format). */
                                url: string;
                            };
                            /** @enum {number} */
                            status: 1;
                        };
                    };
                };
                /** @description A client error: `{message, errors?}`. */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Messages per field (`field` or `field.0.name`), for 422 answers. */
                            errors?: {
                                [key: string]: string[];
                            };
                            /** @description What went wrong, in one sentence. */
                            message: string;
                        };
                    };
                };
                /** @description A client error: `{message, errors?}`. */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Messages per field (`field` or `field.0.name`), for 422 answers. */
                            errors?: {
                                [key: string]: string[];
                            };
                            /** @description What went wrong, in one sentence. */
                            message: string;
                        };
                    };
                };
            };
        };
        /** Update a postback (partial); `is_active` disables or enables it */
        put: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                    postback: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        events?: ("customer.created" | "transaction.created" | "transaction.deleted" | "reward.created" | "reward.approved" | "reward.paid" | "lead.submitted" | "lead.converted")[] | null;
                        is_active?: boolean | null;
                        method?: ("GET" | "POST") | null;
                        url?: string | null;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description A partner's postback. */
                            data: {
                                consecutive_failures: number;
                                /** @description ISO 8601, UTC */
                                created_at: string;
                                disabled_at: string | null;
                                /** @description Why Hookline disabled it, while it stays disabled. */
                                disabled_reason: string | null;
                                events: string[];
                                failing_since: string | null;
                                /**
                                 * @description `webhook`: Hookline's signed envelope; `url`: a URL template with macros.
                                 * @enum {string}
                                 */
                                format: "webhook" | "url";
                                id: string;
                                is_active: boolean;
                                /** @description url format: `GET` or `POST` (a form body); null for webhook format. */
                                method: ("GET" | "POST") | null;
                                partner: {
                                    id: string;
                                    key: string;
                                };
                                /** @description The signing secret (webhook format; `Signature` and Standard Webhooks headers). Null for url format. */
                                secret: string | null;
                                /** @description ISO 8601, UTC */
                                updated_at: string;
                                /** @description The endpoint (webhook format) or the URL template (url format). */
                                url: string;
                            };
                            /** @enum {number} */
                            status: 1;
                        };
                    };
                };
                /** @description A client error: `{message, errors?}`. */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Messages per field (`field` or `field.0.name`), for 422 answers. */
                            errors?: {
                                [key: string]: string[];
                            };
                            /** @description What went wrong, in one sentence. */
                            message: string;
                        };
                    };
                };
                /** @description A client error: `{message, errors?}`. */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Messages per field (`field` or `field.0.name`), for 422 answers. */
                            errors?: {
                                [key: string]: string[];
                            };
                            /** @description What went wrong, in one sentence. */
                            message: string;
                        };
                    };
                };
            };
        };
        post?: never;
        /** Delete a postback (its pending deliveries are cancelled) */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                    postback: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {number} */
                            status: 1;
                        };
                    };
                };
                /** @description A client error: `{message, errors?}`. */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Messages per field (`field` or `field.0.name`), for 422 answers. */
                            errors?: {
                                [key: string]: string[];
                            };
                            /** @description What went wrong, in one sentence. */
                            message: string;
                        };
                    };
                };
                /** @description A client error: `{message, errors?}`. */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Messages per field (`field` or `field.0.name`), for 422 answers. */
                            errors?: {
                                [key: string]: string[];
                            };
                            /** @description What went wrong, in one sentence. */
                            message: string;
                        };
                    };
                };
            };
        };
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/partners/{id}/postbacks/{postback}/deliveries": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The postback's newest 50 deliveries, each with its attempts */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                    postback: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            data: {
                                attempt_log: {
                                    delivery_id: string;
                                    duration_ms: number;
                                    error_class: string | null;
                                    error_message: string | null;
                                    id: string;
                                    /** @description 1 for the first attempt. */
                                    number: number;
                                    request_headers: {
                                        [key: string]: string;
                                    };
                                    /** @description The first 16 KiB of the answer. */
                                    response_body: string | null;
                                    response_headers: {
                                        [key: string]: string;
                                    } | null;
                                    response_status: number | null;
                                    /** @description ISO 8601, microseconds, UTC. */
                                    started_at: string;
                                    succeeded: boolean;
                                    /**
                                     * @description `scheduled`, `manual` or `test`.
                                     * @enum {string}
                                     */
                                    trigger: "scheduled" | "manual" | "test";
                                }[];
                                /** @description Attempts made so far. */
                                attempts: number;
                                cancel_reason: string | null;
                                completed_at: string | null;
                                /** @description ISO 8601, microseconds, UTC. */
                                created_at: string;
                                /** @description The event type. */
                                event: string;
                                event_id: string;
                                id: string;
                                last_attempt_at: string | null;
                                last_error: string | null;
                                last_status_code: number | null;
                                next_attempt_at: string | null;
                                /**
                                 * @description `pending`, `succeeded`, `failed` or `cancelled`.
                                 * @enum {string}
                                 */
                                status: "pending" | "succeeded" | "failed" | "cancelled";
                                /** @description ISO 8601, microseconds, UTC. */
                                updated_at: string;
                                /** @description The destination, as it was when the event was dispatched. */
                                url: string;
                                /** @description The webhook it was sent to (kept after a deletion). */
                                webhook_key: string;
                            }[];
                            /** @enum {number} */
                            status: 1;
                        };
                    };
                };
                /** @description A client error: `{message, errors?}`. */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Messages per field (`field` or `field.0.name`), for 422 answers. */
                            errors?: {
                                [key: string]: string[];
                            };
                            /** @description What went wrong, in one sentence. */
                            message: string;
                        };
                    };
                };
                /** @description A client error: `{message, errors?}`. */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Messages per field (`field` or `field.0.name`), for 422 answers. */
                            errors?: {
                                [key: string]: string[];
                            };
                            /** @description What went wrong, in one sentence. */
                            message: string;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/partners/{id}/postbacks/{postback}/rotate-secret": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Rotate the signing secret of a webhook-format postback
         * @description As a webhook's: the previous secret keeps signing for `grace_period_seconds` (default the server's grace period, 24 h), and `Signature` switches to the new secret at `signature_switches_at`.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                    postback: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        grace_period_seconds?: number;
                    } | null;
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            data: {
                                consecutive_failures: number;
                                /** @description ISO 8601, UTC */
                                created_at: string;
                                disabled_at: string | null;
                                /** @description Why Hookline disabled it, while it stays disabled. */
                                disabled_reason: string | null;
                                events: string[];
                                failing_since: string | null;
                                /**
                                 * @description `webhook`: Hookline's signed envelope; `url`: a URL template with macros.
                                 * @enum {string}
                                 */
                                format: "webhook" | "url";
                                id: string;
                                is_active: boolean;
                                /** @description url format: `GET` or `POST` (a form body); null for webhook format. */
                                method: ("GET" | "POST") | null;
                                partner: {
                                    id: string;
                                    key: string;
                                };
                                /** @description The signing secret (webhook format; `Signature` and Standard Webhooks headers). Null for url format. */
                                secret: string | null;
                                signature_switches_at: string | null;
                                /** @description ISO 8601, UTC */
                                updated_at: string;
                                /** @description The endpoint (webhook format) or the URL template (url format). */
                                url: string;
                            };
                            /** @enum {number} */
                            status: 1;
                        };
                    };
                };
                /** @description A client error: `{message, errors?}`. */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Messages per field (`field` or `field.0.name`), for 422 answers. */
                            errors?: {
                                [key: string]: string[];
                            };
                            /** @description What went wrong, in one sentence. */
                            message: string;
                        };
                    };
                };
                /** @description A client error: `{message, errors?}`. */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Messages per field (`field` or `field.0.name`), for 422 answers. */
                            errors?: {
                                [key: string]: string[];
                            };
                            /** @description What went wrong, in one sentence. */
                            message: string;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/partners/{id}/postbacks/{postback}/test": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Send an event type's sample to the postback now, and answer with the attempt
         * @description Records a test event (source `test`) carrying the event type's sample, addressed to this partner, with one delivery to this postback, attempts it once now through the real signing, SSRF guard and sending path, and answers with the attempt. Never retried.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                    postback: string;
                };
                cookie?: never;
            };
            /** @description `event`: which sample to send; default the postback’s first event. */
            requestBody: {
                content: {
                    "application/json": {
                        /** @enum {string} */
                        event?: "customer.created" | "transaction.created" | "transaction.deleted" | "reward.created" | "reward.approved" | "reward.paid" | "lead.submitted" | "lead.converted";
                    } | null;
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            data: {
                                /** @description An attempt of a delivery. */
                                attempt: {
                                    delivery_id: string;
                                    duration_ms: number;
                                    error_class: string | null;
                                    error_message: string | null;
                                    id: string;
                                    /** @description 1 for the first attempt. */
                                    number: number;
                                    request_headers: {
                                        [key: string]: string;
                                    };
                                    /** @description The first 16 KiB of the answer. */
                                    response_body: string | null;
                                    response_headers: {
                                        [key: string]: string;
                                    } | null;
                                    response_status: number | null;
                                    /** @description ISO 8601, microseconds, UTC. */
                                    started_at: string;
                                    succeeded: boolean;
                                    /**
                                     * @description `scheduled`, `manual` or `test`.
                                     * @enum {string}
                                     */
                                    trigger: "scheduled" | "manual" | "test";
                                };
                                /** @description A delivery: one event going to one webhook. */
                                delivery: {
                                    /** @description Attempts made so far. */
                                    attempts: number;
                                    cancel_reason: string | null;
                                    completed_at: string | null;
                                    /** @description ISO 8601, microseconds, UTC. */
                                    created_at: string;
                                    /** @description The event type. */
                                    event: string;
                                    event_id: string;
                                    id: string;
                                    last_attempt_at: string | null;
                                    last_error: string | null;
                                    last_status_code: number | null;
                                    next_attempt_at: string | null;
                                    /**
                                     * @description `pending`, `succeeded`, `failed` or `cancelled`.
                                     * @enum {string}
                                     */
                                    status: "pending" | "succeeded" | "failed" | "cancelled";
                                    /** @description ISO 8601, microseconds, UTC. */
                                    updated_at: string;
                                    /** @description The destination, as it was when the event was dispatched. */
                                    url: string;
                                    /** @description The webhook it was sent to (kept after a deletion). */
                                    webhook_key: string;
                                };
                                event_id: string;
                            };
                            /** @enum {number} */
                            status: 1;
                        };
                    };
                };
                /** @description A client error: `{message, errors?}`. */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Messages per field (`field` or `field.0.name`), for 422 answers. */
                            errors?: {
                                [key: string]: string[];
                            };
                            /** @description What went wrong, in one sentence. */
                            message: string;
                        };
                    };
                };
                /** @description A client error: `{message, errors?}`. */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Messages per field (`field` or `field.0.name`), for 422 answers. */
                            errors?: {
                                [key: string]: string[];
                            };
                            /** @description What went wrong, in one sentence. */
                            message: string;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/partners/{id}/referral_links": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List a partner's referral links, the main one first */
        get: {
            parameters: {
                query?: {
                    limit?: number;
                    page?: number;
                    sort?: "asc" | "desc";
                };
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description A page of the list. */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            data: {
                                created_at: string;
                                default: boolean;
                                direct_tracking: boolean;
                                direct_tracking_redirect: boolean;
                                direct_tracking_redirect_url: string | null;
                                id: string;
                                is_additional: boolean;
                                key: string;
                                partner: string;
                                updated_at: string;
                                url: string | null;
                            }[];
                            links: {
                                first: string;
                                last: null;
                                next: string | null;
                                prev: string | null;
                            };
                            meta: {
                                current_page: number;
                                from: number | null;
                                path: string;
                                per_page: number;
                                to: number | null;
                            };
                            /** @enum {number} */
                            status: 1;
                        };
                    };
                };
                /** @description A client error: `{message, errors?}`. */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Messages per field (`field` or `field.0.name`), for 422 answers. */
                            errors?: {
                                [key: string]: string[];
                            };
                            /** @description What went wrong, in one sentence. */
                            message: string;
                        };
                    };
                };
                /** @description A client error: `{message, errors?}`. */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Messages per field (`field` or `field.0.name`), for 422 answers. */
                            errors?: {
                                [key: string]: string[];
                            };
                            /** @description What went wrong, in one sentence. */
                            message: string;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/partners/{id}/reject": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Reject a pending partner (partner.rejected) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Success. */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            data: {
                                approved: boolean;
                                created_at: string;
                                deleted_at: string | null;
                                email: string;
                                id: string;
                                key: string;
                                name: string | null;
                                referral_link: string | null;
                                referral_links: string[];
                                referrals_count: number;
                                /** @enum {string} */
                                status: "pending" | "active" | "rejected" | "archived";
                                surname: string | null;
                                tags: {
                                    value: string;
                                }[];
                                updated_at: string;
                            };
                            /** @enum {number} */
                            status: 1;
                        };
                    };
                };
                /** @description A client error: `{message, errors?}`. */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Messages per field (`field` or `field.0.name`), for 422 answers. */
                            errors?: {
                                [key: string]: string[];
                            };
                            /** @description What went wrong, in one sentence. */
                            message: string;
                        };
                    };
                };
                /** @description A client error: `{message, errors?}`. */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Messages per field (`field` or `field.0.name`), for 422 answers. */
                            errors?: {
                                [key: string]: string[];
                            };
                            /** @description What went wrong, in one sentence. */
                            message: string;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/partners/{id}/revoke-archive": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Restore an archived partner to its previous status (partner.updated) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Success. */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            data: {
                                approved: boolean;
                                created_at: string;
                                deleted_at: string | null;
                                email: string;
                                id: string;
                                key: string;
                                name: string | null;
                                referral_link: string | null;
                                referral_links: string[];
                                referrals_count: number;
                                /** @enum {string} */
                                status: "pending" | "active" | "rejected" | "archived";
                                surname: string | null;
                                tags: {
                                    value: string;
                                }[];
                                updated_at: string;
                            };
                            /** @enum {number} */
                            status: 1;
                        };
                    };
                };
                /** @description A client error: `{message, errors?}`. */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Messages per field (`field` or `field.0.name`), for 422 answers. */
                            errors?: {
                                [key: string]: string[];
                            };
                            /** @description What went wrong, in one sentence. */
                            message: string;
                        };
                    };
                };
                /** @description A client error: `{message, errors?}`. */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Messages per field (`field` or `field.0.name`), for 422 answers. */
                            errors?: {
                                [key: string]: string[];
                            };
                            /** @description What went wrong, in one sentence. */
                            message: string;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/partners/{id}/reward": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Give a partner a one-off bonus, approved at once (reward.created) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        amount: number | string;
                        amount_units?: string;
                        date?: string;
                        note?: string | null;
                    };
                };
            };
            responses: {
                /** @description Success. */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            data: {
                                action: string;
                                amount: number;
                                amount_units: string;
                                approved_at: string | null;
                                created_at: string;
                                credit: boolean;
                                customer: string | null;
                                deleted_at: string | null;
                                id: string;
                                is_currency: boolean;
                                key: string;
                                note?: string | null;
                                paid_at: string | null;
                                partner: string;
                                payout_request?: number | null;
                                product_type_data: {
                                    product_id?: string;
                                    product_type?: string;
                                };
                                /** @enum {string} */
                                status: "review_period" | "approved" | "paid" | "cancelled";
                                transaction: string | null;
                            };
                            /** @enum {number} */
                            status: 1;
                        };
                    };
                };
                /** @description A client error: `{message, errors?}`. */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Messages per field (`field` or `field.0.name`), for 422 answers. */
                            errors?: {
                                [key: string]: string[];
                            };
                            /** @description What went wrong, in one sentence. */
                            message: string;
                        };
                    };
                };
                /** @description A client error: `{message, errors?}`. */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Messages per field (`field` or `field.0.name`), for 422 answers. */
                            errors?: {
                                [key: string]: string[];
                            };
                            /** @description What went wrong, in one sentence. */
                            message: string;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/partners:search": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Search partners: id, key (own or a link), email or name contain the text */
        get: {
            parameters: {
                query?: {
                    limit?: number;
                    page?: number;
                    sort?: "asc" | "desc";
                    id?: string;
                    key?: string;
                    email?: string;
                    name?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description A page of the list. */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            data: {
                                approved: boolean;
                                created_at: string;
                                deleted_at: string | null;
                                email: string;
                                id: string;
                                key: string;
                                name: string | null;
                                referral_link: string | null;
                                referral_links: string[];
                                referrals_count: number;
                                /** @enum {string} */
                                status: "pending" | "active" | "rejected" | "archived";
                                surname: string | null;
                                tags: {
                                    value: string;
                                }[];
                                updated_at: string;
                            }[];
                            links: {
                                first: string;
                                last: null;
                                next: string | null;
                                prev: string | null;
                            };
                            meta: {
                                current_page: number;
                                from: number | null;
                                path: string;
                                per_page: number;
                                to: number | null;
                            };
                            /** @enum {number} */
                            status: 1;
                        };
                    };
                };
                /** @description A client error: `{message, errors?}`. */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Messages per field (`field` or `field.0.name`), for 422 answers. */
                            errors?: {
                                [key: string]: string[];
                            };
                            /** @description What went wrong, in one sentence. */
                            message: string;
                        };
                    };
                };
                /** @description A client error: `{message, errors?}`. */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Messages per field (`field` or `field.0.name`), for 422 answers. */
                            errors?: {
                                [key: string]: string[];
                            };
                            /** @description What went wrong, in one sentence. */
                            message: string;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/partners:sign-in-url": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Create a one-time URL that signs a partner in to the partner portal */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        email?: string | null;
                        /** @description Seconds, 30–900; default 120 */
                        expires_in?: number | null;
                        id?: (string | number) | null;
                        key?: string | null;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            data: {
                                expires_at: string;
                                /** @description One-time URL: signs the partner in to the portal once. */
                                url: string;
                            };
                            /** @enum {number} */
                            status: 1;
                        };
                    };
                };
                /** @description A client error: `{message, errors?}`. */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Messages per field (`field` or `field.0.name`), for 422 answers. */
                            errors?: {
                                [key: string]: string[];
                            };
                            /** @description What went wrong, in one sentence. */
                            message: string;
                        };
                    };
                };
                /** @description A client error: `{message, errors?}`. */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Messages per field (`field` or `field.0.name`), for 422 answers. */
                            errors?: {
                                [key: string]: string[];
                            };
                            /** @description What went wrong, in one sentence. */
                            message: string;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/payout_requests": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List payout requests */
        get: {
            parameters: {
                query?: {
                    limit?: number;
                    page?: number;
                    /** @description By id; default desc (newest first) */
                    sort?: "asc" | "desc";
                    status?: "requested" | "approved" | "finished" | "rejected" | "resubmit_requested" | "resubmitted";
                    partner_id?: string;
                    partner_key?: string;
                    partner_email?: string;
                    amount_units?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description A page of the list. */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            data: {
                                amount: number;
                                amount_units: string;
                                approved_at: string | null;
                                created_at: string;
                                gateway: string | null;
                                id: number;
                                paid_at: string | null;
                                partner: string;
                                payout_settings: {
                                    [key: string]: string;
                                };
                                rejected_at: string | null;
                                rewards: string[];
                                /** @enum {string} */
                                status: "requested" | "approved" | "finished" | "rejected" | "resubmit_requested" | "resubmitted";
                                updated_at: string;
                            }[];
                            links: {
                                first: string;
                                last: null;
                                next: string | null;
                                prev: string | null;
                            };
                            meta: {
                                current_page: number;
                                from: number | null;
                                path: string;
                                per_page: number;
                                to: number | null;
                            };
                            /** @enum {number} */
                            status: 1;
                        };
                    };
                };
                /** @description A client error: `{message, errors?}`. */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Messages per field (`field` or `field.0.name`), for 422 answers. */
                            errors?: {
                                [key: string]: string[];
                            };
                            /** @description What went wrong, in one sentence. */
                            message: string;
                        };
                    };
                };
                /** @description A client error: `{message, errors?}`. */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Messages per field (`field` or `field.0.name`), for 422 answers. */
                            errors?: {
                                [key: string]: string[];
                            };
                            /** @description What went wrong, in one sentence. */
                            message: string;
                        };
                    };
                };
            };
        };
        put?: never;
        /** Raise a payout of a partner's approved, unpaid rewards in one currency */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        amount_units: string;
                        gateway?: string | null;
                        partner: {
                            email?: string | null;
                            id?: (string | number) | null;
                            key?: string | null;
                        };
                        payout_settings?: {
                            [key: string]: string;
                        };
                        reward_ids?: (string | number)[];
                    };
                };
            };
            responses: {
                /** @description Success. */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            data: {
                                amount: number;
                                amount_units: string;
                                approved_at: string | null;
                                created_at: string;
                                gateway: string | null;
                                id: number;
                                paid_at: string | null;
                                partner: string;
                                payout_settings: {
                                    [key: string]: string;
                                };
                                rejected_at: string | null;
                                rewards: string[];
                                /** @enum {string} */
                                status: "requested" | "approved" | "finished" | "rejected" | "resubmit_requested" | "resubmitted";
                                updated_at: string;
                            };
                            /** @enum {number} */
                            status: 1;
                        };
                    };
                };
                /** @description A client error: `{message, errors?}`. */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Messages per field (`field` or `field.0.name`), for 422 answers. */
                            errors?: {
                                [key: string]: string[];
                            };
                            /** @description What went wrong, in one sentence. */
                            message: string;
                        };
                    };
                };
                /** @description A client error: `{message, errors?}`. */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Messages per field (`field` or `field.0.name`), for 422 answers. */
                            errors?: {
                                [key: string]: string[];
                            };
                            /** @description What went wrong, in one sentence. */
                            message: string;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/payout_requests/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Show a payout request */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Success. */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            data: {
                                amount: number;
                                amount_units: string;
                                approved_at: string | null;
                                created_at: string;
                                gateway: string | null;
                                id: number;
                                paid_at: string | null;
                                partner: string;
                                payout_settings: {
                                    [key: string]: string;
                                };
                                rejected_at: string | null;
                                rewards: string[];
                                /** @enum {string} */
                                status: "requested" | "approved" | "finished" | "rejected" | "resubmit_requested" | "resubmitted";
                                updated_at: string;
                            };
                            /** @enum {number} */
                            status: 1;
                        };
                    };
                };
                /** @description A client error: `{message, errors?}`. */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Messages per field (`field` or `field.0.name`), for 422 answers. */
                            errors?: {
                                [key: string]: string[];
                            };
                            /** @description What went wrong, in one sentence. */
                            message: string;
                        };
                    };
                };
                /** @description A client error: `{message, errors?}`. */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Messages per field (`field` or `field.0.name`), for 422 answers. */
                            errors?: {
                                [key: string]: string[];
                            };
                            /** @description What went wrong, in one sentence. */
                            message: string;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/payout_requests/{id}/approve": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Approve a requested or resubmitted payout */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Success. */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            data: {
                                amount: number;
                                amount_units: string;
                                approved_at: string | null;
                                created_at: string;
                                gateway: string | null;
                                id: number;
                                paid_at: string | null;
                                partner: string;
                                payout_settings: {
                                    [key: string]: string;
                                };
                                rejected_at: string | null;
                                rewards: string[];
                                /** @enum {string} */
                                status: "requested" | "approved" | "finished" | "rejected" | "resubmit_requested" | "resubmitted";
                                updated_at: string;
                            };
                            /** @enum {number} */
                            status: 1;
                        };
                    };
                };
                /** @description A client error: `{message, errors?}`. */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Messages per field (`field` or `field.0.name`), for 422 answers. */
                            errors?: {
                                [key: string]: string[];
                            };
                            /** @description What went wrong, in one sentence. */
                            message: string;
                        };
                    };
                };
                /** @description A client error: `{message, errors?}`. */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Messages per field (`field` or `field.0.name`), for 422 answers. */
                            errors?: {
                                [key: string]: string[];
                            };
                            /** @description What went wrong, in one sentence. */
                            message: string;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/payout_requests/{id}/mark_as_paid": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Mark an approved payout paid; its rewards become paid (reward.paid) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Success. */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            data: {
                                amount: number;
                                amount_units: string;
                                approved_at: string | null;
                                created_at: string;
                                gateway: string | null;
                                id: number;
                                paid_at: string | null;
                                partner: string;
                                payout_settings: {
                                    [key: string]: string;
                                };
                                rejected_at: string | null;
                                rewards: string[];
                                /** @enum {string} */
                                status: "requested" | "approved" | "finished" | "rejected" | "resubmit_requested" | "resubmitted";
                                updated_at: string;
                            };
                            /** @enum {number} */
                            status: 1;
                        };
                    };
                };
                /** @description A client error: `{message, errors?}`. */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Messages per field (`field` or `field.0.name`), for 422 answers. */
                            errors?: {
                                [key: string]: string[];
                            };
                            /** @description What went wrong, in one sentence. */
                            message: string;
                        };
                    };
                };
                /** @description A client error: `{message, errors?}`. */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Messages per field (`field` or `field.0.name`), for 422 answers. */
                            errors?: {
                                [key: string]: string[];
                            };
                            /** @description What went wrong, in one sentence. */
                            message: string;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/payout_requests/{id}/reject": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Reject an open payout; its rewards are released */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Success. */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            data: {
                                amount: number;
                                amount_units: string;
                                approved_at: string | null;
                                created_at: string;
                                gateway: string | null;
                                id: number;
                                paid_at: string | null;
                                partner: string;
                                payout_settings: {
                                    [key: string]: string;
                                };
                                rejected_at: string | null;
                                rewards: string[];
                                /** @enum {string} */
                                status: "requested" | "approved" | "finished" | "rejected" | "resubmit_requested" | "resubmitted";
                                updated_at: string;
                            };
                            /** @enum {number} */
                            status: 1;
                        };
                    };
                };
                /** @description A client error: `{message, errors?}`. */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Messages per field (`field` or `field.0.name`), for 422 answers. */
                            errors?: {
                                [key: string]: string[];
                            };
                            /** @description What went wrong, in one sentence. */
                            message: string;
                        };
                    };
                };
                /** @description A client error: `{message, errors?}`. */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Messages per field (`field` or `field.0.name`), for 422 answers. */
                            errors?: {
                                [key: string]: string[];
                            };
                            /** @description What went wrong, in one sentence. */
                            message: string;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/payout_requests/{id}/request_resubmission": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Send a requested payout back to the partner to correct its payout details in the portal */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Success. */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            data: {
                                amount: number;
                                amount_units: string;
                                approved_at: string | null;
                                created_at: string;
                                gateway: string | null;
                                id: number;
                                paid_at: string | null;
                                partner: string;
                                payout_settings: {
                                    [key: string]: string;
                                };
                                rejected_at: string | null;
                                rewards: string[];
                                /** @enum {string} */
                                status: "requested" | "approved" | "finished" | "rejected" | "resubmit_requested" | "resubmitted";
                                updated_at: string;
                            };
                            /** @enum {number} */
                            status: 1;
                        };
                    };
                };
                /** @description A client error: `{message, errors?}`. */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Messages per field (`field` or `field.0.name`), for 422 answers. */
                            errors?: {
                                [key: string]: string[];
                            };
                            /** @description What went wrong, in one sentence. */
                            message: string;
                        };
                    };
                };
                /** @description A client error: `{message, errors?}`. */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Messages per field (`field` or `field.0.name`), for 422 answers. */
                            errors?: {
                                [key: string]: string[];
                            };
                            /** @description What went wrong, in one sentence. */
                            message: string;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/payout_requests:search": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Search payout requests */
        get: {
            parameters: {
                query?: {
                    limit?: number;
                    page?: number;
                    /** @description By id; default desc (newest first) */
                    sort?: "asc" | "desc";
                    status?: "requested" | "approved" | "finished" | "rejected" | "resubmit_requested" | "resubmitted";
                    partner_id?: string;
                    partner_key?: string;
                    partner_email?: string;
                    amount_units?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description A page of the list. */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            data: {
                                amount: number;
                                amount_units: string;
                                approved_at: string | null;
                                created_at: string;
                                gateway: string | null;
                                id: number;
                                paid_at: string | null;
                                partner: string;
                                payout_settings: {
                                    [key: string]: string;
                                };
                                rejected_at: string | null;
                                rewards: string[];
                                /** @enum {string} */
                                status: "requested" | "approved" | "finished" | "rejected" | "resubmit_requested" | "resubmitted";
                                updated_at: string;
                            }[];
                            links: {
                                first: string;
                                last: null;
                                next: string | null;
                                prev: string | null;
                            };
                            meta: {
                                current_page: number;
                                from: number | null;
                                path: string;
                                per_page: number;
                                to: number | null;
                            };
                            /** @enum {number} */
                            status: 1;
                        };
                    };
                };
                /** @description A client error: `{message, errors?}`. */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Messages per field (`field` or `field.0.name`), for 422 answers. */
                            errors?: {
                                [key: string]: string[];
                            };
                            /** @description What went wrong, in one sentence. */
                            message: string;
                        };
                    };
                };
                /** @description A client error: `{message, errors?}`. */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Messages per field (`field` or `field.0.name`), for 422 answers. */
                            errors?: {
                                [key: string]: string[];
                            };
                            /** @description What went wrong, in one sentence. */
                            message: string;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/postbacks": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Every partner's postbacks, with their partner and health */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            data: {
                                consecutive_failures: number;
                                /** @description ISO 8601, UTC */
                                created_at: string;
                                disabled_at: string | null;
                                /** @description Why Hookline disabled it, while it stays disabled. */
                                disabled_reason: string | null;
                                events: string[];
                                failing_since: string | null;
                                /**
                                 * @description `webhook`: Hookline's signed envelope; `url`: a URL template with macros.
                                 * @enum {string}
                                 */
                                format: "webhook" | "url";
                                id: string;
                                is_active: boolean;
                                /** @description url format: `GET` or `POST` (a form body); null for webhook format. */
                                method: ("GET" | "POST") | null;
                                partner: {
                                    email: string;
                                    id: string;
                                    key: string;
                                    name: string | null;
                                };
                                /** @description The signing secret (webhook format; `Signature` and Standard Webhooks headers). Null for url format. */
                                secret: string | null;
                                /** @description ISO 8601, UTC */
                                updated_at: string;
                                /** @description The endpoint (webhook format) or the URL template (url format). */
                                url: string;
                            }[];
                            /** @enum {number} */
                            status: 1;
                        };
                    };
                };
                /** @description A client error: `{message, errors?}`. */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Messages per field (`field` or `field.0.name`), for 422 answers. */
                            errors?: {
                                [key: string]: string[];
                            };
                            /** @description What went wrong, in one sentence. */
                            message: string;
                        };
                    };
                };
                /** @description A client error: `{message, errors?}`. */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Messages per field (`field` or `field.0.name`), for 422 answers. */
                            errors?: {
                                [key: string]: string[];
                            };
                            /** @description What went wrong, in one sentence. */
                            message: string;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/program": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Show the program and its settings */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Success. */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            data: {
                                commission: {
                                    readonly overrides: {
                                        product_type: string;
                                        /** @enum {string} */
                                        type: "percent" | "fixed";
                                        value: number;
                                    }[];
                                    /** @enum {string} */
                                    type: "percent" | "fixed";
                                    value: number;
                                };
                                created_at: string;
                                default_currency: string;
                                id: string;
                                name: string;
                                /**
                                 * @description The program's type; it decides which events the program has.
                                 * @enum {string}
                                 */
                                program_type: "affiliate" | "refer-a-friend" | "newsletter";
                                require_partner_approval: boolean;
                                review_period_days: number;
                                updated_at: string;
                                website_url: string | null;
                            };
                            /** @enum {number} */
                            status: 1;
                        };
                    };
                };
                /** @description A client error: `{message, errors?}`. */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Messages per field (`field` or `field.0.name`), for 422 answers. */
                            errors?: {
                                [key: string]: string[];
                            };
                            /** @description What went wrong, in one sentence. */
                            message: string;
                        };
                    };
                };
                /** @description A client error: `{message, errors?}`. */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Messages per field (`field` or `field.0.name`), for 422 answers. */
                            errors?: {
                                [key: string]: string[];
                            };
                            /** @description What went wrong, in one sentence. */
                            message: string;
                        };
                    };
                };
            };
        };
        /**
         * Update program settings (partial)
         * @description Every field is optional. `commission` replaces the whole rule, overrides included. Settings apply to rewards created afterwards; existing rewards keep their amounts and review dates.
         */
        put: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        commission?: {
                            /** @default [] */
                            overrides?: {
                                product_type: string;
                                /** @enum {string} */
                                type: "percent" | "fixed";
                                value: number;
                            }[];
                            /** @enum {string} */
                            type: "percent" | "fixed";
                            value: number;
                        };
                        default_currency?: string;
                        name?: string;
                        /** @enum {string} */
                        program_type?: "affiliate" | "refer-a-friend" | "newsletter";
                        require_partner_approval?: boolean;
                        review_period_days?: number;
                        website_url?: string | null;
                    };
                };
            };
            responses: {
                /** @description Success. */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            data: {
                                commission: {
                                    readonly overrides: {
                                        product_type: string;
                                        /** @enum {string} */
                                        type: "percent" | "fixed";
                                        value: number;
                                    }[];
                                    /** @enum {string} */
                                    type: "percent" | "fixed";
                                    value: number;
                                };
                                created_at: string;
                                default_currency: string;
                                id: string;
                                name: string;
                                /**
                                 * @description The program's type; it decides which events the program has.
                                 * @enum {string}
                                 */
                                program_type: "affiliate" | "refer-a-friend" | "newsletter";
                                require_partner_approval: boolean;
                                review_period_days: number;
                                updated_at: string;
                                website_url: string | null;
                            };
                            /** @enum {number} */
                            status: 1;
                        };
                    };
                };
                /** @description A client error: `{message, errors?}`. */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Messages per field (`field` or `field.0.name`), for 422 answers. */
                            errors?: {
                                [key: string]: string[];
                            };
                            /** @description What went wrong, in one sentence. */
                            message: string;
                        };
                    };
                };
                /** @description A client error: `{message, errors?}`. */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Messages per field (`field` or `field.0.name`), for 422 answers. */
                            errors?: {
                                [key: string]: string[];
                            };
                            /** @description What went wrong, in one sentence. */
                            message: string;
                        };
                    };
                };
            };
        };
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/program/events": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The program's type and the event types it has */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Success. */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            data: {
                                events: {
                                    description: string;
                                    name: string;
                                    resource: string;
                                }[];
                                /** @enum {string} */
                                program_type: "affiliate" | "refer-a-friend" | "newsletter";
                            };
                            /** @enum {number} */
                            status: 1;
                        };
                    };
                };
                /** @description A client error: `{message, errors?}`. */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Messages per field (`field` or `field.0.name`), for 422 answers. */
                            errors?: {
                                [key: string]: string[];
                            };
                            /** @description What went wrong, in one sentence. */
                            message: string;
                        };
                    };
                };
                /** @description A client error: `{message, errors?}`. */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Messages per field (`field` or `field.0.name`), for 422 answers. */
                            errors?: {
                                [key: string]: string[];
                            };
                            /** @description What went wrong, in one sentence. */
                            message: string;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/program/portal": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The partner portal settings */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            data: {
                                /** @description False outside affiliate programs, whatever `enabled` says. */
                                available: boolean;
                                /**
                                 * @description `masked` (default) shows partners their referrals as `a***@e***.com`.
                                 * @enum {string}
                                 */
                                customer_pii: "masked" | "visible";
                                /** @description Partners can sign in (affiliate programs only; on by default there). */
                                enabled: boolean;
                                /** @description Default 5. */
                                max_postbacks_per_partner: number;
                                /** @description Partners may also sign in with the `password` set through `/v1/partners`. */
                                password_sign_in: boolean;
                                /** @description Allow `http://` postback URLs (default only `https://`). */
                                postback_allow_http: boolean;
                                /**
                                 * @description `trimmed` (default): webhook-format postbacks carry a customer stub (its key).
                                 * @enum {string}
                                 */
                                postback_customer_pii: "trimmed" | "visible";
                                /** @description Event types partners may receive as postbacks; default all of them. */
                                postback_events: ("customer.created" | "transaction.created" | "transaction.deleted" | "reward.created" | "reward.approved" | "reward.paid" | "lead.submitted" | "lead.converted")[];
                                /** @description Partners (and the owner for them) can register postbacks; off cancels pending postback deliveries. On by default. */
                                postbacks_enabled: boolean;
                            };
                            /** @enum {number} */
                            status: 1;
                        };
                    };
                };
                /** @description A client error: `{message, errors?}`. */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Messages per field (`field` or `field.0.name`), for 422 answers. */
                            errors?: {
                                [key: string]: string[];
                            };
                            /** @description What went wrong, in one sentence. */
                            message: string;
                        };
                    };
                };
                /** @description A client error: `{message, errors?}`. */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Messages per field (`field` or `field.0.name`), for 422 answers. */
                            errors?: {
                                [key: string]: string[];
                            };
                            /** @description What went wrong, in one sentence. */
                            message: string;
                        };
                    };
                };
            };
        };
        /** Change the partner portal settings (off ends every partner session at once) */
        put: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @enum {string} */
                        customer_pii?: "masked" | "visible";
                        enabled?: boolean;
                        max_postbacks_per_partner?: number;
                        password_sign_in?: boolean;
                        postback_allow_http?: boolean;
                        /** @enum {string} */
                        postback_customer_pii?: "trimmed" | "visible";
                        postback_events?: ("customer.created" | "transaction.created" | "transaction.deleted" | "reward.created" | "reward.approved" | "reward.paid" | "lead.submitted" | "lead.converted")[];
                        postbacks_enabled?: boolean;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            data: {
                                /** @description False outside affiliate programs, whatever `enabled` says. */
                                available: boolean;
                                /**
                                 * @description `masked` (default) shows partners their referrals as `a***@e***.com`.
                                 * @enum {string}
                                 */
                                customer_pii: "masked" | "visible";
                                /** @description Partners can sign in (affiliate programs only; on by default there). */
                                enabled: boolean;
                                /** @description Default 5. */
                                max_postbacks_per_partner: number;
                                /** @description Partners may also sign in with the `password` set through `/v1/partners`. */
                                password_sign_in: boolean;
                                /** @description Allow `http://` postback URLs (default only `https://`). */
                                postback_allow_http: boolean;
                                /**
                                 * @description `trimmed` (default): webhook-format postbacks carry a customer stub (its key).
                                 * @enum {string}
                                 */
                                postback_customer_pii: "trimmed" | "visible";
                                /** @description Event types partners may receive as postbacks; default all of them. */
                                postback_events: ("customer.created" | "transaction.created" | "transaction.deleted" | "reward.created" | "reward.approved" | "reward.paid" | "lead.submitted" | "lead.converted")[];
                                /** @description Partners (and the owner for them) can register postbacks; off cancels pending postback deliveries. On by default. */
                                postbacks_enabled: boolean;
                            };
                            /** @enum {number} */
                            status: 1;
                        };
                    };
                };
                /** @description A client error: `{message, errors?}`. */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Messages per field (`field` or `field.0.name`), for 422 answers. */
                            errors?: {
                                [key: string]: string[];
                            };
                            /** @description What went wrong, in one sentence. */
                            message: string;
                        };
                    };
                };
                /** @description A client error: `{message, errors?}`. */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Messages per field (`field` or `field.0.name`), for 422 answers. */
                            errors?: {
                                [key: string]: string[];
                            };
                            /** @description What went wrong, in one sentence. */
                            message: string;
                        };
                    };
                };
            };
        };
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/promotion-code": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Create a promotion code for a coupon (coupon_uuid or coupon_id)
         * @deprecated
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        active?: boolean | null;
                        code?: string | null;
                        coupon_id?: (number | string) | null;
                        coupon_specific_partners?: ({
                            full_name?: string;
                            id: string | number;
                        } | {
                            full_name?: string;
                            id: string | number;
                        }[] | Record<string, never>) | null;
                        coupon_uuid?: string | null;
                        expiration_date_status?: boolean | null;
                        expiration_date_value?: string | null;
                        first_time_order?: boolean | null;
                        limit_to_specific_customer?: false | null;
                        limit_to_specific_partner?: boolean | null;
                        limit_to_specific_subscriber?: false | null;
                        metadata?: {
                            [key: string]: string | number | boolean | null;
                        } | null;
                        minimum_order_status?: boolean | null;
                        minimum_order_value?: (number | string) | null;
                        partner?: {
                            email?: string | null;
                            id?: (string | number) | null;
                            key?: string | null;
                        } | null;
                        redemption_times_status?: boolean | null;
                        redemption_times_value?: number | null;
                    };
                };
            };
            responses: {
                /** @description A promotion code. */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description A promotion code. */
                            data: {
                                active: boolean;
                                code: string;
                                coupon: {
                                    active: boolean;
                                    coupon_discount_amount: number;
                                    /** @enum {string} */
                                    coupon_discount_type: "percent" | "static";
                                    /** @enum {string} */
                                    coupon_duration_type: "once" | "hours" | "days" | "months" | "years" | "lifetime";
                                    coupon_duration_value: number | null;
                                    created_at: string;
                                    id: number;
                                    name: string;
                                    updated_at: string;
                                    uuid_code: string;
                                };
                                coupon_specific_customers: unknown[];
                                coupon_specific_partners: {
                                    full_name: string;
                                    id: string;
                                }[];
                                coupon_uuid: string;
                                created_at: string;
                                expiration_date_status: boolean;
                                expiration_date_value: string | null;
                                first_time_order: boolean;
                                limit_to_specific_customer: boolean;
                                limit_to_specific_partner: boolean;
                                metadata: {
                                    [key: string]: unknown;
                                };
                                minimum_order_status: boolean;
                                minimum_order_value: number | null;
                                /** @description The partner whose sales the code attributes */
                                partner: string | null;
                                redemption_times_status: boolean;
                                redemption_times_value: number | null;
                                times_redeemed: number;
                                updated_at: string;
                            };
                            /** @enum {number} */
                            status: 1;
                        };
                    };
                };
                /** @description A client error: `{message, errors?}`. */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Messages per field (`field` or `field.0.name`), for 422 answers. */
                            errors?: {
                                [key: string]: string[];
                            };
                            /** @description What went wrong, in one sentence. */
                            message: string;
                        };
                    };
                };
                /** @description A client error: `{message, errors?}`. */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Messages per field (`field` or `field.0.name`), for 422 answers. */
                            errors?: {
                                [key: string]: string[];
                            };
                            /** @description What went wrong, in one sentence. */
                            message: string;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/promotion-codes": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List promotion codes, oldest first unless sort=desc */
        get: {
            parameters: {
                query?: {
                    limit?: number;
                    page?: number;
                    sort?: "asc" | "desc";
                    /** @description Only this coupon's codes */
                    coupon_uuid?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description A page of: A promotion code. */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            data: {
                                active: boolean;
                                code: string;
                                coupon: {
                                    active: boolean;
                                    coupon_discount_amount: number;
                                    /** @enum {string} */
                                    coupon_discount_type: "percent" | "static";
                                    /** @enum {string} */
                                    coupon_duration_type: "once" | "hours" | "days" | "months" | "years" | "lifetime";
                                    coupon_duration_value: number | null;
                                    created_at: string;
                                    id: number;
                                    name: string;
                                    updated_at: string;
                                    uuid_code: string;
                                };
                                coupon_specific_customers: unknown[];
                                coupon_specific_partners: {
                                    full_name: string;
                                    id: string;
                                }[];
                                coupon_uuid: string;
                                created_at: string;
                                expiration_date_status: boolean;
                                expiration_date_value: string | null;
                                first_time_order: boolean;
                                limit_to_specific_customer: boolean;
                                limit_to_specific_partner: boolean;
                                metadata: {
                                    [key: string]: unknown;
                                };
                                minimum_order_status: boolean;
                                minimum_order_value: number | null;
                                /** @description The partner whose sales the code attributes */
                                partner: string | null;
                                redemption_times_status: boolean;
                                redemption_times_value: number | null;
                                times_redeemed: number;
                                updated_at: string;
                            }[];
                            links: {
                                first: string;
                                last: null;
                                next: string | null;
                                prev: string | null;
                            };
                            meta: {
                                current_page: number;
                                from: number | null;
                                path: string;
                                per_page: number;
                                to: number | null;
                            };
                            /** @enum {number} */
                            status: 1;
                        };
                    };
                };
                /** @description A client error: `{message, errors?}`. */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Messages per field (`field` or `field.0.name`), for 422 answers. */
                            errors?: {
                                [key: string]: string[];
                            };
                            /** @description What went wrong, in one sentence. */
                            message: string;
                        };
                    };
                };
                /** @description A client error: `{message, errors?}`. */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Messages per field (`field` or `field.0.name`), for 422 answers. */
                            errors?: {
                                [key: string]: string[];
                            };
                            /** @description What went wrong, in one sentence. */
                            message: string;
                        };
                    };
                };
            };
        };
        put?: never;
        /** Create a promotion code for a coupon (coupon_uuid or coupon_id) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        active?: boolean | null;
                        code?: string | null;
                        coupon_id?: (number | string) | null;
                        coupon_specific_partners?: ({
                            full_name?: string;
                            id: string | number;
                        } | {
                            full_name?: string;
                            id: string | number;
                        }[] | Record<string, never>) | null;
                        coupon_uuid?: string | null;
                        expiration_date_status?: boolean | null;
                        expiration_date_value?: string | null;
                        first_time_order?: boolean | null;
                        limit_to_specific_customer?: false | null;
                        limit_to_specific_partner?: boolean | null;
                        limit_to_specific_subscriber?: false | null;
                        metadata?: {
                            [key: string]: string | number | boolean | null;
                        } | null;
                        minimum_order_status?: boolean | null;
                        minimum_order_value?: (number | string) | null;
                        partner?: {
                            email?: string | null;
                            id?: (string | number) | null;
                            key?: string | null;
                        } | null;
                        redemption_times_status?: boolean | null;
                        redemption_times_value?: number | null;
                    };
                };
            };
            responses: {
                /** @description A promotion code. */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description A promotion code. */
                            data: {
                                active: boolean;
                                code: string;
                                coupon: {
                                    active: boolean;
                                    coupon_discount_amount: number;
                                    /** @enum {string} */
                                    coupon_discount_type: "percent" | "static";
                                    /** @enum {string} */
                                    coupon_duration_type: "once" | "hours" | "days" | "months" | "years" | "lifetime";
                                    coupon_duration_value: number | null;
                                    created_at: string;
                                    id: number;
                                    name: string;
                                    updated_at: string;
                                    uuid_code: string;
                                };
                                coupon_specific_customers: unknown[];
                                coupon_specific_partners: {
                                    full_name: string;
                                    id: string;
                                }[];
                                coupon_uuid: string;
                                created_at: string;
                                expiration_date_status: boolean;
                                expiration_date_value: string | null;
                                first_time_order: boolean;
                                limit_to_specific_customer: boolean;
                                limit_to_specific_partner: boolean;
                                metadata: {
                                    [key: string]: unknown;
                                };
                                minimum_order_status: boolean;
                                minimum_order_value: number | null;
                                /** @description The partner whose sales the code attributes */
                                partner: string | null;
                                redemption_times_status: boolean;
                                redemption_times_value: number | null;
                                times_redeemed: number;
                                updated_at: string;
                            };
                            /** @enum {number} */
                            status: 1;
                        };
                    };
                };
                /** @description A client error: `{message, errors?}`. */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Messages per field (`field` or `field.0.name`), for 422 answers. */
                            errors?: {
                                [key: string]: string[];
                            };
                            /** @description What went wrong, in one sentence. */
                            message: string;
                        };
                    };
                };
                /** @description A client error: `{message, errors?}`. */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Messages per field (`field` or `field.0.name`), for 422 answers. */
                            errors?: {
                                [key: string]: string[];
                            };
                            /** @description What went wrong, in one sentence. */
                            message: string;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/promotion-codes/{code}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Show a promotion code (any case) */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    code: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description A promotion code. */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description A promotion code. */
                            data: {
                                active: boolean;
                                code: string;
                                coupon: {
                                    active: boolean;
                                    coupon_discount_amount: number;
                                    /** @enum {string} */
                                    coupon_discount_type: "percent" | "static";
                                    /** @enum {string} */
                                    coupon_duration_type: "once" | "hours" | "days" | "months" | "years" | "lifetime";
                                    coupon_duration_value: number | null;
                                    created_at: string;
                                    id: number;
                                    name: string;
                                    updated_at: string;
                                    uuid_code: string;
                                };
                                coupon_specific_customers: unknown[];
                                coupon_specific_partners: {
                                    full_name: string;
                                    id: string;
                                }[];
                                coupon_uuid: string;
                                created_at: string;
                                expiration_date_status: boolean;
                                expiration_date_value: string | null;
                                first_time_order: boolean;
                                limit_to_specific_customer: boolean;
                                limit_to_specific_partner: boolean;
                                metadata: {
                                    [key: string]: unknown;
                                };
                                minimum_order_status: boolean;
                                minimum_order_value: number | null;
                                /** @description The partner whose sales the code attributes */
                                partner: string | null;
                                redemption_times_status: boolean;
                                redemption_times_value: number | null;
                                times_redeemed: number;
                                updated_at: string;
                            };
                            /** @enum {number} */
                            status: 1;
                        };
                    };
                };
                /** @description A client error: `{message, errors?}`. */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Messages per field (`field` or `field.0.name`), for 422 answers. */
                            errors?: {
                                [key: string]: string[];
                            };
                            /** @description What went wrong, in one sentence. */
                            message: string;
                        };
                    };
                };
                /** @description A client error: `{message, errors?}`. */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Messages per field (`field` or `field.0.name`), for 422 answers. */
                            errors?: {
                                [key: string]: string[];
                            };
                            /** @description What went wrong, in one sentence. */
                            message: string;
                        };
                    };
                };
            };
        };
        /** Change a promotion code's partner, switches or restrictions */
        put: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    code: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        active?: boolean | null;
                        coupon_specific_partners?: ({
                            full_name?: string;
                            id: string | number;
                        } | {
                            full_name?: string;
                            id: string | number;
                        }[] | Record<string, never>) | null;
                        expiration_date_status?: boolean | null;
                        expiration_date_value?: string | null;
                        first_time_order?: boolean | null;
                        limit_to_specific_customer?: false | null;
                        limit_to_specific_partner?: boolean | null;
                        limit_to_specific_subscriber?: false | null;
                        metadata?: {
                            [key: string]: string | number | boolean | null;
                        } | null;
                        minimum_order_status?: boolean | null;
                        minimum_order_value?: (number | string) | null;
                        partner?: {
                            email?: string | null;
                            id?: (string | number) | null;
                            key?: string | null;
                        } | null;
                        redemption_times_status?: boolean | null;
                        redemption_times_value?: number | null;
                    };
                };
            };
            responses: {
                /** @description A promotion code. */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description A promotion code. */
                            data: {
                                active: boolean;
                                code: string;
                                coupon: {
                                    active: boolean;
                                    coupon_discount_amount: number;
                                    /** @enum {string} */
                                    coupon_discount_type: "percent" | "static";
                                    /** @enum {string} */
                                    coupon_duration_type: "once" | "hours" | "days" | "months" | "years" | "lifetime";
                                    coupon_duration_value: number | null;
                                    created_at: string;
                                    id: number;
                                    name: string;
                                    updated_at: string;
                                    uuid_code: string;
                                };
                                coupon_specific_customers: unknown[];
                                coupon_specific_partners: {
                                    full_name: string;
                                    id: string;
                                }[];
                                coupon_uuid: string;
                                created_at: string;
                                expiration_date_status: boolean;
                                expiration_date_value: string | null;
                                first_time_order: boolean;
                                limit_to_specific_customer: boolean;
                                limit_to_specific_partner: boolean;
                                metadata: {
                                    [key: string]: unknown;
                                };
                                minimum_order_status: boolean;
                                minimum_order_value: number | null;
                                /** @description The partner whose sales the code attributes */
                                partner: string | null;
                                redemption_times_status: boolean;
                                redemption_times_value: number | null;
                                times_redeemed: number;
                                updated_at: string;
                            };
                            /** @enum {number} */
                            status: 1;
                        };
                    };
                };
                /** @description A client error: `{message, errors?}`. */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Messages per field (`field` or `field.0.name`), for 422 answers. */
                            errors?: {
                                [key: string]: string[];
                            };
                            /** @description What went wrong, in one sentence. */
                            message: string;
                        };
                    };
                };
                /** @description A client error: `{message, errors?}`. */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Messages per field (`field` or `field.0.name`), for 422 answers. */
                            errors?: {
                                [key: string]: string[];
                            };
                            /** @description What went wrong, in one sentence. */
                            message: string;
                        };
                    };
                };
            };
        };
        post?: never;
        /** Delete a promotion code */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    code: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Done. */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {number} */
                            status: 1;
                        };
                    };
                };
                /** @description A client error: `{message, errors?}`. */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Messages per field (`field` or `field.0.name`), for 422 answers. */
                            errors?: {
                                [key: string]: string[];
                            };
                            /** @description What went wrong, in one sentence. */
                            message: string;
                        };
                    };
                };
                /** @description A client error: `{message, errors?}`. */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Messages per field (`field` or `field.0.name`), for 422 answers. */
                            errors?: {
                                [key: string]: string[];
                            };
                            /** @description What went wrong, in one sentence. */
                            message: string;
                        };
                    };
                };
            };
        };
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/rewards": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List rewards, newest first */
        get: {
            parameters: {
                query?: {
                    limit?: number;
                    page?: number;
                    sort?: "asc" | "desc";
                    /** @description Partner id */
                    partner?: string;
                    status?: "review_period" | "approved" | "paid" | "cancelled";
                    /** @description Transaction key */
                    transaction?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description A page of the list. */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            data: {
                                action: string;
                                amount: number;
                                amount_units: string;
                                approved_at: string | null;
                                created_at: string;
                                credit: boolean;
                                customer: string | null;
                                deleted_at: string | null;
                                id: string;
                                is_currency: boolean;
                                key: string;
                                note?: string | null;
                                paid_at: string | null;
                                partner: string;
                                payout_request?: number | null;
                                product_type_data: {
                                    product_id?: string;
                                    product_type?: string;
                                };
                                /** @enum {string} */
                                status: "review_period" | "approved" | "paid" | "cancelled";
                                transaction: string | null;
                            }[];
                            links: {
                                first: string;
                                last: null;
                                next: string | null;
                                prev: string | null;
                            };
                            meta: {
                                current_page: number;
                                from: number | null;
                                path: string;
                                per_page: number;
                                to: number | null;
                            };
                            /** @enum {number} */
                            status: 1;
                        };
                    };
                };
                /** @description A client error: `{message, errors?}`. */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Messages per field (`field` or `field.0.name`), for 422 answers. */
                            errors?: {
                                [key: string]: string[];
                            };
                            /** @description What went wrong, in one sentence. */
                            message: string;
                        };
                    };
                };
                /** @description A client error: `{message, errors?}`. */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Messages per field (`field` or `field.0.name`), for 422 answers. */
                            errors?: {
                                [key: string]: string[];
                            };
                            /** @description What went wrong, in one sentence. */
                            message: string;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/rewards/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Show a reward */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Success. */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            data: {
                                action: string;
                                amount: number;
                                amount_units: string;
                                approved_at: string | null;
                                created_at: string;
                                credit: boolean;
                                customer: string | null;
                                deleted_at: string | null;
                                id: string;
                                is_currency: boolean;
                                key: string;
                                note?: string | null;
                                paid_at: string | null;
                                partner: string;
                                payout_request?: number | null;
                                product_type_data: {
                                    product_id?: string;
                                    product_type?: string;
                                };
                                /** @enum {string} */
                                status: "review_period" | "approved" | "paid" | "cancelled";
                                transaction: string | null;
                            };
                            /** @enum {number} */
                            status: 1;
                        };
                    };
                };
                /** @description A client error: `{message, errors?}`. */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Messages per field (`field` or `field.0.name`), for 422 answers. */
                            errors?: {
                                [key: string]: string[];
                            };
                            /** @description What went wrong, in one sentence. */
                            message: string;
                        };
                    };
                };
                /** @description A client error: `{message, errors?}`. */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Messages per field (`field` or `field.0.name`), for 422 answers. */
                            errors?: {
                                [key: string]: string[];
                            };
                            /** @description What went wrong, in one sentence. */
                            message: string;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/rewards/{id}/approve": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Approve a reward in its review period now (reward.approved) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Success. */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            data: {
                                action: string;
                                amount: number;
                                amount_units: string;
                                approved_at: string | null;
                                created_at: string;
                                credit: boolean;
                                customer: string | null;
                                deleted_at: string | null;
                                id: string;
                                is_currency: boolean;
                                key: string;
                                note?: string | null;
                                paid_at: string | null;
                                partner: string;
                                payout_request?: number | null;
                                product_type_data: {
                                    product_id?: string;
                                    product_type?: string;
                                };
                                /** @enum {string} */
                                status: "review_period" | "approved" | "paid" | "cancelled";
                                transaction: string | null;
                            };
                            /** @enum {number} */
                            status: 1;
                        };
                    };
                };
                /** @description A client error: `{message, errors?}`. */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Messages per field (`field` or `field.0.name`), for 422 answers. */
                            errors?: {
                                [key: string]: string[];
                            };
                            /** @description What went wrong, in one sentence. */
                            message: string;
                        };
                    };
                };
                /** @description A client error: `{message, errors?}`. */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Messages per field (`field` or `field.0.name`), for 422 answers. */
                            errors?: {
                                [key: string]: string[];
                            };
                            /** @description What went wrong, in one sentence. */
                            message: string;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/rewards/{id}/mark-paid": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Mark an approved reward paid (reward.paid) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Success. */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            data: {
                                action: string;
                                amount: number;
                                amount_units: string;
                                approved_at: string | null;
                                created_at: string;
                                credit: boolean;
                                customer: string | null;
                                deleted_at: string | null;
                                id: string;
                                is_currency: boolean;
                                key: string;
                                note?: string | null;
                                paid_at: string | null;
                                partner: string;
                                payout_request?: number | null;
                                product_type_data: {
                                    product_id?: string;
                                    product_type?: string;
                                };
                                /** @enum {string} */
                                status: "review_period" | "approved" | "paid" | "cancelled";
                                transaction: string | null;
                            };
                            /** @enum {number} */
                            status: 1;
                        };
                    };
                };
                /** @description A client error: `{message, errors?}`. */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Messages per field (`field` or `field.0.name`), for 422 answers. */
                            errors?: {
                                [key: string]: string[];
                            };
                            /** @description What went wrong, in one sentence. */
                            message: string;
                        };
                    };
                };
                /** @description A client error: `{message, errors?}`. */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Messages per field (`field` or `field.0.name`), for 422 answers. */
                            errors?: {
                                [key: string]: string[];
                            };
                            /** @description What went wrong, in one sentence. */
                            message: string;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/service": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Retention window, retry schedule, timeout and rate limit of this installation */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description This installation's settings that API users see the effects of. */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description This installation's settings that API users see the effects of. */
                            data: {
                                delivery_timeout_seconds: number;
                                /** @description Requests per API key (HOOKLINE_RATE_LIMIT); null: unlimited. */
                                rate_limit: {
                                    per_seconds: number;
                                    requests: number;
                                } | null;
                                /** @description Days events and delivery logs are kept (HOOKLINE_RETENTION); null: forever. */
                                retention_days: number | null;
                                /** @description Delay before each attempt; its length is the number of attempts. */
                                retry_schedule_seconds: number[];
                                version: string;
                            };
                            /** @enum {number} */
                            status: 1;
                        };
                    };
                };
                /** @description A client error: `{message, errors?}`. */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Messages per field (`field` or `field.0.name`), for 422 answers. */
                            errors?: {
                                [key: string]: string[];
                            };
                            /** @description What went wrong, in one sentence. */
                            message: string;
                        };
                    };
                };
                /** @description A client error: `{message, errors?}`. */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Messages per field (`field` or `field.0.name`), for 422 answers. */
                            errors?: {
                                [key: string]: string[];
                            };
                            /** @description What went wrong, in one sentence. */
                            message: string;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/settings": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /**
         * Update program settings (Partnero SDK alias of PUT /v1/program)
         * @description The same change as `PUT /v1/program`, in the shape of Partnero's SDKs: `{"settings": {...}}` (the same fields flat are accepted too). The field names are Hookline's (`website_url`, `default_currency`, `commission`, ...); the answer is the program.
         */
        put: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        commission?: {
                            /** @default [] */
                            overrides?: {
                                product_type: string;
                                /** @enum {string} */
                                type: "percent" | "fixed";
                                value: number;
                            }[];
                            /** @enum {string} */
                            type: "percent" | "fixed";
                            value: number;
                        };
                        default_currency?: string;
                        name?: string;
                        /** @enum {string} */
                        program_type?: "affiliate" | "refer-a-friend" | "newsletter";
                        require_partner_approval?: boolean;
                        review_period_days?: number;
                        /** @description Partnero's wrapper; its fields win over the same fields given flat. */
                        settings?: {
                            commission?: {
                                /** @default [] */
                                overrides?: {
                                    product_type: string;
                                    /** @enum {string} */
                                    type: "percent" | "fixed";
                                    value: number;
                                }[];
                                /** @enum {string} */
                                type: "percent" | "fixed";
                                value: number;
                            };
                            default_currency?: string;
                            name?: string;
                            /** @enum {string} */
                            program_type?: "affiliate" | "refer-a-friend" | "newsletter";
                            require_partner_approval?: boolean;
                            review_period_days?: number;
                            website_url?: string | null;
                        };
                        website_url?: string | null;
                    };
                };
            };
            responses: {
                /** @description Success. */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            data: {
                                commission: {
                                    readonly overrides: {
                                        product_type: string;
                                        /** @enum {string} */
                                        type: "percent" | "fixed";
                                        value: number;
                                    }[];
                                    /** @enum {string} */
                                    type: "percent" | "fixed";
                                    value: number;
                                };
                                created_at: string;
                                default_currency: string;
                                id: string;
                                name: string;
                                /**
                                 * @description The program's type; it decides which events the program has.
                                 * @enum {string}
                                 */
                                program_type: "affiliate" | "refer-a-friend" | "newsletter";
                                require_partner_approval: boolean;
                                review_period_days: number;
                                updated_at: string;
                                website_url: string | null;
                            };
                            /** @enum {number} */
                            status: 1;
                        };
                    };
                };
                /** @description A client error: `{message, errors?}`. */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Messages per field (`field` or `field.0.name`), for 422 answers. */
                            errors?: {
                                [key: string]: string[];
                            };
                            /** @description What went wrong, in one sentence. */
                            message: string;
                        };
                    };
                };
                /** @description A client error: `{message, errors?}`. */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Messages per field (`field` or `field.0.name`), for 422 answers. */
                            errors?: {
                                [key: string]: string[];
                            };
                            /** @description What went wrong, in one sentence. */
                            message: string;
                        };
                    };
                };
            };
        };
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/stats/overview": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Deliveries per hour by outcome, and latency percentiles per webhook */
        get: {
            parameters: {
                query?: {
                    range?: "24h" | "7d";
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Deliveries per hour by outcome, and latency percentiles per webhook. */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Deliveries per hour by outcome, and latency percentiles per webhook. */
                            data: {
                                bucket_ms: number;
                                hours: {
                                    cancelled: number;
                                    failed: number;
                                    retrying: number;
                                    start: string;
                                    succeeded: number;
                                }[];
                                latency: {
                                    attempts: number;
                                    name: string;
                                    p50_ms: number | null;
                                    p90_ms: number | null;
                                    p99_ms: number | null;
                                    webhook_key: string;
                                }[];
                                /** @enum {string} */
                                range: "24h" | "7d";
                                since: string;
                                totals: {
                                    cancelled: number;
                                    failed: number;
                                    retrying: number;
                                    succeeded: number;
                                };
                            };
                            /** @enum {number} */
                            status: 1;
                        };
                    };
                };
                /** @description A client error: `{message, errors?}`. */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Messages per field (`field` or `field.0.name`), for 422 answers. */
                            errors?: {
                                [key: string]: string[];
                            };
                            /** @description What went wrong, in one sentence. */
                            message: string;
                        };
                    };
                };
                /** @description A client error: `{message, errors?}`. */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Messages per field (`field` or `field.0.name`), for 422 answers. */
                            errors?: {
                                [key: string]: string[];
                            };
                            /** @description What went wrong, in one sentence. */
                            message: string;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/stats/webhooks": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Health, success rate and last delivery of each webhook over 24 h */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Health and activity of each webhook over 24 hours. */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Health and activity of each webhook over 24 hours. */
                            data: {
                                attempts_24h: number;
                                consecutive_failures: number;
                                failed_24h: number;
                                /** @enum {string} */
                                health: "healthy" | "degraded" | "failing" | "idle" | "disabled";
                                last_delivery: {
                                    created_at: string;
                                    event: string;
                                    id: string;
                                    last_attempt_at: string | null;
                                    last_status_code: number | null;
                                    status: string;
                                } | null;
                                succeeded_24h: number;
                                /** @description 0..1; null without attempts. */
                                success_rate_24h: number | null;
                                webhook_key: string;
                            }[];
                            /** @enum {number} */
                            status: 1;
                        };
                    };
                };
                /** @description A client error: `{message, errors?}`. */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Messages per field (`field` or `field.0.name`), for 422 answers. */
                            errors?: {
                                [key: string]: string[];
                            };
                            /** @description What went wrong, in one sentence. */
                            message: string;
                        };
                    };
                };
                /** @description A client error: `{message, errors?}`. */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Messages per field (`field` or `field.0.name`), for 422 answers. */
                            errors?: {
                                [key: string]: string[];
                            };
                            /** @description What went wrong, in one sentence. */
                            message: string;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/subscribers": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List subscribers, oldest first */
        get: {
            parameters: {
                query?: {
                    limit?: number;
                    page?: number;
                    /** @description By creation; default asc */
                    sort?: "asc" | "desc";
                    refer_status?: "referred" | "non_referred";
                    email?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description A page of the list. */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            data: {
                                approved: boolean;
                                created_at: string;
                                deleted_at: string | null;
                                email: string;
                                id: string;
                                is_referred: boolean;
                                key: string;
                                marketing_consent: boolean | null;
                                name: string | null;
                                referrals_count: number;
                                referring_subscriber: string | null;
                                reward: {
                                    created_at: string;
                                    description: string | null;
                                    fulfillment_type: string | null;
                                    fulfillment_value: string | null;
                                    id: string;
                                    name: string;
                                }[];
                                share_link: string | null;
                                /** @enum {string} */
                                status: "active" | "rejected" | "suspended";
                                tos: boolean | null;
                                updated_at: string;
                            }[];
                            links: {
                                first: string;
                                last: null;
                                next: string | null;
                                prev: string | null;
                            };
                            meta: {
                                current_page: number;
                                from: number | null;
                                path: string;
                                per_page: number;
                                to: number | null;
                            };
                            /** @enum {number} */
                            status: 1;
                        };
                    };
                };
                /** @description A client error: `{message, errors?}`. */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Messages per field (`field` or `field.0.name`), for 422 answers. */
                            errors?: {
                                [key: string]: string[];
                            };
                            /** @description What went wrong, in one sentence. */
                            message: string;
                        };
                    };
                };
                /** @description A client error: `{message, errors?}`. */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Messages per field (`field` or `field.0.name`), for 422 answers. */
                            errors?: {
                                [key: string]: string[];
                            };
                            /** @description What went wrong, in one sentence. */
                            message: string;
                        };
                    };
                };
            };
        };
        /** Update the subscriber named by id or email in the body (subscriber.updated) */
        put: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** Format: email */
                        email?: string;
                        id?: string;
                        update: {
                            approved?: boolean;
                            /** Format: email */
                            email?: string;
                            key?: string;
                            marketing_consent?: boolean | null;
                            name?: string | null;
                            status?: string;
                            tos?: boolean | null;
                        };
                    };
                };
            };
            responses: {
                /** @description Success. */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            data: {
                                approved: boolean;
                                created_at: string;
                                deleted_at: string | null;
                                email: string;
                                id: string;
                                is_referred: boolean;
                                key: string;
                                marketing_consent: boolean | null;
                                name: string | null;
                                referrals_count: number;
                                referring_subscriber: string | null;
                                reward: {
                                    created_at: string;
                                    description: string | null;
                                    fulfillment_type: string | null;
                                    fulfillment_value: string | null;
                                    id: string;
                                    name: string;
                                }[];
                                share_link: string | null;
                                /** @enum {string} */
                                status: "active" | "rejected" | "suspended";
                                tos: boolean | null;
                                updated_at: string;
                            };
                            /** @enum {number} */
                            status: 1;
                        };
                    };
                };
                /** @description A client error: `{message, errors?}`. */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Messages per field (`field` or `field.0.name`), for 422 answers. */
                            errors?: {
                                [key: string]: string[];
                            };
                            /** @description What went wrong, in one sentence. */
                            message: string;
                        };
                    };
                };
                /** @description A client error: `{message, errors?}`. */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Messages per field (`field` or `field.0.name`), for 422 answers. */
                            errors?: {
                                [key: string]: string[];
                            };
                            /** @description What went wrong, in one sentence. */
                            message: string;
                        };
                    };
                };
            };
        };
        /** Create a subscriber (subscriber.created) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        approved?: boolean;
                        /** Format: email */
                        email: string;
                        id?: string;
                        key?: string;
                        marketing_consent?: boolean | null;
                        name?: string | null;
                        referral?: {
                            /** Format: email */
                            email?: string;
                            id?: string;
                        } | {
                            /** Format: email */
                            email?: string;
                            id?: string;
                        }[];
                        status?: string;
                        tos?: boolean | null;
                    };
                };
            };
            responses: {
                /** @description Success. */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            data: {
                                approved: boolean;
                                created_at: string;
                                deleted_at: string | null;
                                email: string;
                                id: string;
                                is_referred: boolean;
                                key: string;
                                marketing_consent: boolean | null;
                                name: string | null;
                                referrals_count: number;
                                referring_subscriber: string | null;
                                reward: {
                                    created_at: string;
                                    description: string | null;
                                    fulfillment_type: string | null;
                                    fulfillment_value: string | null;
                                    id: string;
                                    name: string;
                                }[];
                                share_link: string | null;
                                /** @enum {string} */
                                status: "active" | "rejected" | "suspended";
                                tos: boolean | null;
                                updated_at: string;
                            };
                            /** @enum {number} */
                            status: 1;
                        };
                    };
                };
                /** @description A client error: `{message, errors?}`. */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Messages per field (`field` or `field.0.name`), for 422 answers. */
                            errors?: {
                                [key: string]: string[];
                            };
                            /** @description What went wrong, in one sentence. */
                            message: string;
                        };
                    };
                };
                /** @description A client error: `{message, errors?}`. */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Messages per field (`field` or `field.0.name`), for 422 answers. */
                            errors?: {
                                [key: string]: string[];
                            };
                            /** @description What went wrong, in one sentence. */
                            message: string;
                        };
                    };
                };
            };
        };
        /** Delete the subscriber named by ?id= or ?email= (subscriber.deleted) */
        delete: {
            parameters: {
                query?: {
                    id?: string;
                    email?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Done. */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {number} */
                            status: 1;
                        };
                    };
                };
                /** @description A client error: `{message, errors?}`. */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Messages per field (`field` or `field.0.name`), for 422 answers. */
                            errors?: {
                                [key: string]: string[];
                            };
                            /** @description What went wrong, in one sentence. */
                            message: string;
                        };
                    };
                };
                /** @description A client error: `{message, errors?}`. */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Messages per field (`field` or `field.0.name`), for 422 answers. */
                            errors?: {
                                [key: string]: string[];
                            };
                            /** @description What went wrong, in one sentence. */
                            message: string;
                        };
                    };
                };
            };
        };
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/subscribers/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Show a subscriber */
        get: {
            parameters: {
                query?: {
                    id?: string;
                    email?: string;
                };
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Success. */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            data: {
                                approved: boolean;
                                created_at: string;
                                deleted_at: string | null;
                                email: string;
                                id: string;
                                is_referred: boolean;
                                key: string;
                                marketing_consent: boolean | null;
                                name: string | null;
                                referrals_count: number;
                                referring_subscriber: string | null;
                                reward: {
                                    created_at: string;
                                    description: string | null;
                                    fulfillment_type: string | null;
                                    fulfillment_value: string | null;
                                    id: string;
                                    name: string;
                                }[];
                                share_link: string | null;
                                /** @enum {string} */
                                status: "active" | "rejected" | "suspended";
                                tos: boolean | null;
                                updated_at: string;
                            };
                            /** @enum {number} */
                            status: 1;
                        };
                    };
                };
                /** @description A client error: `{message, errors?}`. */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Messages per field (`field` or `field.0.name`), for 422 answers. */
                            errors?: {
                                [key: string]: string[];
                            };
                            /** @description What went wrong, in one sentence. */
                            message: string;
                        };
                    };
                };
                /** @description A client error: `{message, errors?}`. */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Messages per field (`field` or `field.0.name`), for 422 answers. */
                            errors?: {
                                [key: string]: string[];
                            };
                            /** @description What went wrong, in one sentence. */
                            message: string;
                        };
                    };
                };
            };
        };
        /** Update a subscriber (subscriber.updated) */
        put: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        update: {
                            approved?: boolean;
                            /** Format: email */
                            email?: string;
                            key?: string;
                            marketing_consent?: boolean | null;
                            name?: string | null;
                            status?: string;
                            tos?: boolean | null;
                        };
                    } | {
                        approved?: boolean;
                        /** Format: email */
                        email?: string;
                        key?: string;
                        marketing_consent?: boolean | null;
                        name?: string | null;
                        status?: string;
                        tos?: boolean | null;
                    };
                };
            };
            responses: {
                /** @description Success. */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            data: {
                                approved: boolean;
                                created_at: string;
                                deleted_at: string | null;
                                email: string;
                                id: string;
                                is_referred: boolean;
                                key: string;
                                marketing_consent: boolean | null;
                                name: string | null;
                                referrals_count: number;
                                referring_subscriber: string | null;
                                reward: {
                                    created_at: string;
                                    description: string | null;
                                    fulfillment_type: string | null;
                                    fulfillment_value: string | null;
                                    id: string;
                                    name: string;
                                }[];
                                share_link: string | null;
                                /** @enum {string} */
                                status: "active" | "rejected" | "suspended";
                                tos: boolean | null;
                                updated_at: string;
                            };
                            /** @enum {number} */
                            status: 1;
                        };
                    };
                };
                /** @description A client error: `{message, errors?}`. */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Messages per field (`field` or `field.0.name`), for 422 answers. */
                            errors?: {
                                [key: string]: string[];
                            };
                            /** @description What went wrong, in one sentence. */
                            message: string;
                        };
                    };
                };
                /** @description A client error: `{message, errors?}`. */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Messages per field (`field` or `field.0.name`), for 422 answers. */
                            errors?: {
                                [key: string]: string[];
                            };
                            /** @description What went wrong, in one sentence. */
                            message: string;
                        };
                    };
                };
            };
        };
        post?: never;
        /** Delete a subscriber (subscriber.deleted) */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Done. */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {number} */
                            status: 1;
                        };
                    };
                };
                /** @description A client error: `{message, errors?}`. */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Messages per field (`field` or `field.0.name`), for 422 answers. */
                            errors?: {
                                [key: string]: string[];
                            };
                            /** @description What went wrong, in one sentence. */
                            message: string;
                        };
                    };
                };
                /** @description A client error: `{message, errors?}`. */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Messages per field (`field` or `field.0.name`), for 422 answers. */
                            errors?: {
                                [key: string]: string[];
                            };
                            /** @description What went wrong, in one sentence. */
                            message: string;
                        };
                    };
                };
            };
        };
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/subscribers/{id}/reward": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Give a subscriber a reward (subscriber.rewarded) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        description?: string | null;
                        fulfillment_type?: string | null;
                        fulfillment_value?: string | null;
                        name: string;
                    };
                };
            };
            responses: {
                /** @description Success. */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            data: {
                                approved: boolean;
                                created_at: string;
                                deleted_at: string | null;
                                email: string;
                                id: string;
                                is_referred: boolean;
                                key: string;
                                marketing_consent: boolean | null;
                                name: string | null;
                                referrals_count: number;
                                referring_subscriber: string | null;
                                reward: {
                                    created_at: string;
                                    description: string | null;
                                    fulfillment_type: string | null;
                                    fulfillment_value: string | null;
                                    id: string;
                                    name: string;
                                }[];
                                share_link: string | null;
                                /** @enum {string} */
                                status: "active" | "rejected" | "suspended";
                                tos: boolean | null;
                                updated_at: string;
                            };
                            /** @enum {number} */
                            status: 1;
                        };
                    };
                };
                /** @description A client error: `{message, errors?}`. */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Messages per field (`field` or `field.0.name`), for 422 answers. */
                            errors?: {
                                [key: string]: string[];
                            };
                            /** @description What went wrong, in one sentence. */
                            message: string;
                        };
                    };
                };
                /** @description A client error: `{message, errors?}`. */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Messages per field (`field` or `field.0.name`), for 422 answers. */
                            errors?: {
                                [key: string]: string[];
                            };
                            /** @description What went wrong, in one sentence. */
                            message: string;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/subscribers:search": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Search subscribers by id, email or key */
        get: {
            parameters: {
                query?: {
                    limit?: number;
                    page?: number;
                    /** @description By creation; default asc */
                    sort?: "asc" | "desc";
                    id?: string;
                    email?: string;
                    key?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description A page of the list. */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            data: {
                                approved: boolean;
                                created_at: string;
                                deleted_at: string | null;
                                email: string;
                                id: string;
                                is_referred: boolean;
                                key: string;
                                marketing_consent: boolean | null;
                                name: string | null;
                                referrals_count: number;
                                referring_subscriber: string | null;
                                reward: {
                                    created_at: string;
                                    description: string | null;
                                    fulfillment_type: string | null;
                                    fulfillment_value: string | null;
                                    id: string;
                                    name: string;
                                }[];
                                share_link: string | null;
                                /** @enum {string} */
                                status: "active" | "rejected" | "suspended";
                                tos: boolean | null;
                                updated_at: string;
                            }[];
                            links: {
                                first: string;
                                last: null;
                                next: string | null;
                                prev: string | null;
                            };
                            meta: {
                                current_page: number;
                                from: number | null;
                                path: string;
                                per_page: number;
                                to: number | null;
                            };
                            /** @enum {number} */
                            status: 1;
                        };
                    };
                };
                /** @description A client error: `{message, errors?}`. */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Messages per field (`field` or `field.0.name`), for 422 answers. */
                            errors?: {
                                [key: string]: string[];
                            };
                            /** @description What went wrong, in one sentence. */
                            message: string;
                        };
                    };
                };
                /** @description A client error: `{message, errors?}`. */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Messages per field (`field` or `field.0.name`), for 422 answers. */
                            errors?: {
                                [key: string]: string[];
                            };
                            /** @description What went wrong, in one sentence. */
                            message: string;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/test": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Check an API key (Partnero; n8n credential test): 200 with a valid key, else 401 */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Done. */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {number} */
                            status: 1;
                        };
                    };
                };
                /** @description A client error: `{message, errors?}`. */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Messages per field (`field` or `field.0.name`), for 422 answers. */
                            errors?: {
                                [key: string]: string[];
                            };
                            /** @description What went wrong, in one sentence. */
                            message: string;
                        };
                    };
                };
                /** @description A client error: `{message, errors?}`. */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Messages per field (`field` or `field.0.name`), for 422 answers. */
                            errors?: {
                                [key: string]: string[];
                            };
                            /** @description What went wrong, in one sentence. */
                            message: string;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/transactions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List transactions, newest first (sort=asc: oldest first) */
        get: {
            parameters: {
                query?: {
                    limit?: number;
                    page?: number;
                    sort?: "asc" | "desc";
                    key?: string;
                    /** @description Customer key */
                    customer?: string;
                    /** @description Partner id */
                    partner?: string;
                    partner_id?: string;
                    partner_key?: string;
                    partner_email?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description A page of the list. */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            data: {
                                action: string;
                                amount: number;
                                amount_units: string;
                                created_at: string;
                                credit: boolean;
                                customer: string;
                                deleted_at: string | null;
                                discount_amount?: number | null;
                                discount_code?: string | null;
                                gross_amount?: number | null;
                                is_currency: boolean;
                                key: string;
                                partner: string | null;
                                product_id: string | null;
                                product_type: string | null;
                                rewards: {
                                    action: string;
                                    amount: number;
                                    amount_units: string;
                                    approved_at: string | null;
                                    created_at: string;
                                    credit: boolean;
                                    customer: string | null;
                                    deleted_at: string | null;
                                    id: string;
                                    is_currency: boolean;
                                    key: string;
                                    note?: string | null;
                                    paid_at: string | null;
                                    partner: string;
                                    payout_request?: number | null;
                                    product_type_data: {
                                        product_id?: string;
                                        product_type?: string;
                                    };
                                    /** @enum {string} */
                                    status: "review_period" | "approved" | "paid" | "cancelled";
                                    transaction: string | null;
                                }[];
                                updated_at: string;
                            }[];
                            links: {
                                first: string;
                                last: null;
                                next: string | null;
                                prev: string | null;
                            };
                            meta: {
                                current_page: number;
                                from: number | null;
                                path: string;
                                per_page: number;
                                to: number | null;
                            };
                            /** @enum {number} */
                            status: 1;
                        };
                    };
                };
                /** @description A client error: `{message, errors?}`. */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Messages per field (`field` or `field.0.name`), for 422 answers. */
                            errors?: {
                                [key: string]: string[];
                            };
                            /** @description What went wrong, in one sentence. */
                            message: string;
                        };
                    };
                };
                /** @description A client error: `{message, errors?}`. */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Messages per field (`field` or `field.0.name`), for 422 answers. */
                            errors?: {
                                [key: string]: string[];
                            };
                            /** @description What went wrong, in one sentence. */
                            message: string;
                        };
                    };
                };
            };
        };
        put?: never;
        /**
         * Record a transaction (transaction.created, reward.created)
         * @description Creates the commission reward of the customer's referring partner, unless `rewardable` is false. With `options.create_customer: true` a missing customer is created too (`customer.partner` names its partner). Keys are not unique: a second create with a key records a second sale.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        action?: string | null;
                        amount: number | string;
                        amount_units?: string | null;
                        created_at?: (number | string) | null;
                        customer: {
                            email?: string | null;
                            id?: string | null;
                            key?: string | null;
                            name?: string | null;
                            partner?: {
                                email?: string | null;
                                id?: (string | number) | null;
                                key?: string | null;
                            } | null;
                            surname?: string | null;
                            tags?: string[] | null;
                        };
                        discount_amount?: (number | string) | null;
                        discount_code?: string | null;
                        gross_amount?: (number | string) | null;
                        key?: string | null;
                        options?: {
                            create_customer?: boolean | null;
                        } | null;
                        partner?: {
                            email?: string | null;
                            id?: (string | number) | null;
                            key?: string | null;
                        } | null;
                        product_id?: string | null;
                        product_type?: string | null;
                        rewardable?: boolean | null;
                        rewarded?: boolean | null;
                    };
                };
            };
            responses: {
                /** @description Success. */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            data: {
                                action: string;
                                amount: number;
                                amount_units: string;
                                created_at: string;
                                credit: boolean;
                                customer: string;
                                deleted_at: string | null;
                                discount_amount?: number | null;
                                discount_code?: string | null;
                                gross_amount?: number | null;
                                is_currency: boolean;
                                key: string;
                                partner: string | null;
                                product_id: string | null;
                                product_type: string | null;
                                rewards: {
                                    action: string;
                                    amount: number;
                                    amount_units: string;
                                    approved_at: string | null;
                                    created_at: string;
                                    credit: boolean;
                                    customer: string | null;
                                    deleted_at: string | null;
                                    id: string;
                                    is_currency: boolean;
                                    key: string;
                                    note?: string | null;
                                    paid_at: string | null;
                                    partner: string;
                                    payout_request?: number | null;
                                    product_type_data: {
                                        product_id?: string;
                                        product_type?: string;
                                    };
                                    /** @enum {string} */
                                    status: "review_period" | "approved" | "paid" | "cancelled";
                                    transaction: string | null;
                                }[];
                                updated_at: string;
                            };
                            /** @enum {number} */
                            status: 1;
                        };
                    };
                };
                /** @description A client error: `{message, errors?}`. */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Messages per field (`field` or `field.0.name`), for 422 answers. */
                            errors?: {
                                [key: string]: string[];
                            };
                            /** @description What went wrong, in one sentence. */
                            message: string;
                        };
                    };
                };
                /** @description A client error: `{message, errors?}`. */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Messages per field (`field` or `field.0.name`), for 422 answers. */
                            errors?: {
                                [key: string]: string[];
                            };
                            /** @description What went wrong, in one sentence. */
                            message: string;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/transactions/{key}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Show a transaction with its rewards (the newest live one with this key) */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    key: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Success. */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            data: {
                                action: string;
                                amount: number;
                                amount_units: string;
                                created_at: string;
                                credit: boolean;
                                customer: string;
                                deleted_at: string | null;
                                discount_amount?: number | null;
                                discount_code?: string | null;
                                gross_amount?: number | null;
                                is_currency: boolean;
                                key: string;
                                partner: string | null;
                                product_id: string | null;
                                product_type: string | null;
                                rewards: {
                                    action: string;
                                    amount: number;
                                    amount_units: string;
                                    approved_at: string | null;
                                    created_at: string;
                                    credit: boolean;
                                    customer: string | null;
                                    deleted_at: string | null;
                                    id: string;
                                    is_currency: boolean;
                                    key: string;
                                    note?: string | null;
                                    paid_at: string | null;
                                    partner: string;
                                    payout_request?: number | null;
                                    product_type_data: {
                                        product_id?: string;
                                        product_type?: string;
                                    };
                                    /** @enum {string} */
                                    status: "review_period" | "approved" | "paid" | "cancelled";
                                    transaction: string | null;
                                }[];
                                updated_at: string;
                            };
                            /** @enum {number} */
                            status: 1;
                        };
                    };
                };
                /** @description A client error: `{message, errors?}`. */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Messages per field (`field` or `field.0.name`), for 422 answers. */
                            errors?: {
                                [key: string]: string[];
                            };
                            /** @description What went wrong, in one sentence. */
                            message: string;
                        };
                    };
                };
                /** @description A client error: `{message, errors?}`. */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Messages per field (`field` or `field.0.name`), for 422 answers. */
                            errors?: {
                                [key: string]: string[];
                            };
                            /** @description What went wrong, in one sentence. */
                            message: string;
                        };
                    };
                };
            };
        };
        /** Update a transaction; adjusts unpaid rewards (transaction.updated) */
        put: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    key: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        update: {
                            action?: string | null;
                            amount?: (number | string) | null;
                            product_id?: string | null;
                            product_type?: string | null;
                        };
                    } | {
                        action?: string | null;
                        amount?: (number | string) | null;
                        product_id?: string | null;
                        product_type?: string | null;
                    };
                };
            };
            responses: {
                /** @description Success. */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            data: {
                                action: string;
                                amount: number;
                                amount_units: string;
                                created_at: string;
                                credit: boolean;
                                customer: string;
                                deleted_at: string | null;
                                discount_amount?: number | null;
                                discount_code?: string | null;
                                gross_amount?: number | null;
                                is_currency: boolean;
                                key: string;
                                partner: string | null;
                                product_id: string | null;
                                product_type: string | null;
                                rewards: {
                                    action: string;
                                    amount: number;
                                    amount_units: string;
                                    approved_at: string | null;
                                    created_at: string;
                                    credit: boolean;
                                    customer: string | null;
                                    deleted_at: string | null;
                                    id: string;
                                    is_currency: boolean;
                                    key: string;
                                    note?: string | null;
                                    paid_at: string | null;
                                    partner: string;
                                    payout_request?: number | null;
                                    product_type_data: {
                                        product_id?: string;
                                        product_type?: string;
                                    };
                                    /** @enum {string} */
                                    status: "review_period" | "approved" | "paid" | "cancelled";
                                    transaction: string | null;
                                }[];
                                updated_at: string;
                            };
                            /** @enum {number} */
                            status: 1;
                        };
                    };
                };
                /** @description A client error: `{message, errors?}`. */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Messages per field (`field` or `field.0.name`), for 422 answers. */
                            errors?: {
                                [key: string]: string[];
                            };
                            /** @description What went wrong, in one sentence. */
                            message: string;
                        };
                    };
                };
                /** @description A client error: `{message, errors?}`. */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Messages per field (`field` or `field.0.name`), for 422 answers. */
                            errors?: {
                                [key: string]: string[];
                            };
                            /** @description What went wrong, in one sentence. */
                            message: string;
                        };
                    };
                };
            };
        };
        post?: never;
        /**
         * Refund every live transaction with this key: reverse the commissions
         * @description Fires transaction.deleted for each transaction refunded.
         */
        delete: {
            parameters: {
                query?: {
                    key?: string;
                };
                header?: never;
                path: {
                    key: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Done. */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {number} */
                            status: 1;
                        };
                    };
                };
                /** @description A client error: `{message, errors?}`. */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Messages per field (`field` or `field.0.name`), for 422 answers. */
                            errors?: {
                                [key: string]: string[];
                            };
                            /** @description What went wrong, in one sentence. */
                            message: string;
                        };
                    };
                };
                /** @description A client error: `{message, errors?}`. */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Messages per field (`field` or `field.0.name`), for 422 answers. */
                            errors?: {
                                [key: string]: string[];
                            };
                            /** @description What went wrong, in one sentence. */
                            message: string;
                        };
                    };
                };
            };
        };
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/transactions/{key}/archive": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Archive the transactions with this key: set their unpaid rewards aside (transaction.updated)
         * @description The PHP SDK repeats the key in a JSON body (`{"key"}`); the path decides. A transaction with a paid reward cannot be archived: refund it.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    key: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Success. */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            data: {
                                action: string;
                                amount: number;
                                amount_units: string;
                                created_at: string;
                                credit: boolean;
                                customer: string;
                                deleted_at: string | null;
                                discount_amount?: number | null;
                                discount_code?: string | null;
                                gross_amount?: number | null;
                                is_currency: boolean;
                                key: string;
                                partner: string | null;
                                product_id: string | null;
                                product_type: string | null;
                                rewards: {
                                    action: string;
                                    amount: number;
                                    amount_units: string;
                                    approved_at: string | null;
                                    created_at: string;
                                    credit: boolean;
                                    customer: string | null;
                                    deleted_at: string | null;
                                    id: string;
                                    is_currency: boolean;
                                    key: string;
                                    note?: string | null;
                                    paid_at: string | null;
                                    partner: string;
                                    payout_request?: number | null;
                                    product_type_data: {
                                        product_id?: string;
                                        product_type?: string;
                                    };
                                    /** @enum {string} */
                                    status: "review_period" | "approved" | "paid" | "cancelled";
                                    transaction: string | null;
                                }[];
                                updated_at: string;
                            };
                            /** @enum {number} */
                            status: 1;
                        };
                    };
                };
                /** @description A client error: `{message, errors?}`. */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Messages per field (`field` or `field.0.name`), for 422 answers. */
                            errors?: {
                                [key: string]: string[];
                            };
                            /** @description What went wrong, in one sentence. */
                            message: string;
                        };
                    };
                };
                /** @description A client error: `{message, errors?}`. */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Messages per field (`field` or `field.0.name`), for 422 answers. */
                            errors?: {
                                [key: string]: string[];
                            };
                            /** @description What went wrong, in one sentence. */
                            message: string;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/transactions/{key}/revoke-archive": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Restore archived transactions with this key and their rewards (transaction.updated)
         * @description The PHP SDK repeats the key in a JSON body (`{"key"}`); the path decides. A transaction with a paid reward cannot be archived: refund it.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    key: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Success. */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            data: {
                                action: string;
                                amount: number;
                                amount_units: string;
                                created_at: string;
                                credit: boolean;
                                customer: string;
                                deleted_at: string | null;
                                discount_amount?: number | null;
                                discount_code?: string | null;
                                gross_amount?: number | null;
                                is_currency: boolean;
                                key: string;
                                partner: string | null;
                                product_id: string | null;
                                product_type: string | null;
                                rewards: {
                                    action: string;
                                    amount: number;
                                    amount_units: string;
                                    approved_at: string | null;
                                    created_at: string;
                                    credit: boolean;
                                    customer: string | null;
                                    deleted_at: string | null;
                                    id: string;
                                    is_currency: boolean;
                                    key: string;
                                    note?: string | null;
                                    paid_at: string | null;
                                    partner: string;
                                    payout_request?: number | null;
                                    product_type_data: {
                                        product_id?: string;
                                        product_type?: string;
                                    };
                                    /** @enum {string} */
                                    status: "review_period" | "approved" | "paid" | "cancelled";
                                    transaction: string | null;
                                }[];
                                updated_at: string;
                            };
                            /** @enum {number} */
                            status: 1;
                        };
                    };
                };
                /** @description A client error: `{message, errors?}`. */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Messages per field (`field` or `field.0.name`), for 422 answers. */
                            errors?: {
                                [key: string]: string[];
                            };
                            /** @description What went wrong, in one sentence. */
                            message: string;
                        };
                    };
                };
                /** @description A client error: `{message, errors?}`. */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Messages per field (`field` or `field.0.name`), for 422 answers. */
                            errors?: {
                                [key: string]: string[];
                            };
                            /** @description What went wrong, in one sentence. */
                            message: string;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/webhooks": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List webhooks */
        get: {
            parameters: {
                query?: {
                    limit?: number;
                    page?: number;
                    sort?: "asc" | "desc";
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description A page of: A webhook subscription. */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            data: {
                                /** @description Deliveries in a row that failed every attempt. */
                                consecutive_failures: number;
                                created_at: string;
                                disabled_at: string | null;
                                /** @description Why Hookline disabled the webhook (410 Gone, failing too long); null otherwise. */
                                disabled_reason: string | null;
                                /** @description Subscribed event types; `*` is every event type. */
                                events: string[];
                                /** @description Since when every attempt has failed; null while it succeeds. */
                                failing_since: string | null;
                                /** @description Inactive webhooks get no deliveries. */
                                is_active: boolean;
                                /** @description The id of the webhook in URLs and in every envelope. */
                                key: string;
                                name: string;
                                /** @description Receives the program's operational events (webhook.failing, webhook.disabled, delivery.exhausted). */
                                operational: boolean;
                                /** @description The signing secret: HMAC key of `Signature` and of `webhook-signature`. */
                                signature: string;
                                updated_at: string;
                                /** @description The destination of every delivery. */
                                url: string;
                            }[];
                            links: {
                                first: string;
                                last: null;
                                next: string | null;
                                prev: string | null;
                            };
                            meta: {
                                current_page: number;
                                from: number | null;
                                path: string;
                                per_page: number;
                                to: number | null;
                            };
                            /** @enum {number} */
                            status: 1;
                        };
                    };
                };
                /** @description A client error: `{message, errors?}`. */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Messages per field (`field` or `field.0.name`), for 422 answers. */
                            errors?: {
                                [key: string]: string[];
                            };
                            /** @description What went wrong, in one sentence. */
                            message: string;
                        };
                    };
                };
                /** @description A client error: `{message, errors?}`. */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Messages per field (`field` or `field.0.name`), for 422 answers. */
                            errors?: {
                                [key: string]: string[];
                            };
                            /** @description What went wrong, in one sentence. */
                            message: string;
                        };
                    };
                };
            };
        };
        put?: never;
        /** Create a webhook */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        events: string[];
                        is_active?: boolean | null;
                        key?: string | null;
                        name: string;
                        url: string;
                    };
                };
            };
            responses: {
                /** @description A webhook subscription. */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description A webhook subscription. */
                            data: {
                                /** @description Deliveries in a row that failed every attempt. */
                                consecutive_failures: number;
                                created_at: string;
                                disabled_at: string | null;
                                /** @description Why Hookline disabled the webhook (410 Gone, failing too long); null otherwise. */
                                disabled_reason: string | null;
                                /** @description Subscribed event types; `*` is every event type. */
                                events: string[];
                                /** @description Since when every attempt has failed; null while it succeeds. */
                                failing_since: string | null;
                                /** @description Inactive webhooks get no deliveries. */
                                is_active: boolean;
                                /** @description The id of the webhook in URLs and in every envelope. */
                                key: string;
                                name: string;
                                /** @description Receives the program's operational events (webhook.failing, webhook.disabled, delivery.exhausted). */
                                operational: boolean;
                                /** @description The signing secret: HMAC key of `Signature` and of `webhook-signature`. */
                                signature: string;
                                updated_at: string;
                                /** @description The destination of every delivery. */
                                url: string;
                            };
                            /** @enum {number} */
                            status: 1;
                        };
                    };
                };
                /** @description A client error: `{message, errors?}`. */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Messages per field (`field` or `field.0.name`), for 422 answers. */
                            errors?: {
                                [key: string]: string[];
                            };
                            /** @description What went wrong, in one sentence. */
                            message: string;
                        };
                    };
                };
                /** @description A client error: `{message, errors?}`. */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Messages per field (`field` or `field.0.name`), for 422 answers. */
                            errors?: {
                                [key: string]: string[];
                            };
                            /** @description What went wrong, in one sentence. */
                            message: string;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/webhooks/{key}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Show a webhook */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    key: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description A webhook subscription. */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description A webhook subscription. */
                            data: {
                                /** @description Deliveries in a row that failed every attempt. */
                                consecutive_failures: number;
                                created_at: string;
                                disabled_at: string | null;
                                /** @description Why Hookline disabled the webhook (410 Gone, failing too long); null otherwise. */
                                disabled_reason: string | null;
                                /** @description Subscribed event types; `*` is every event type. */
                                events: string[];
                                /** @description Since when every attempt has failed; null while it succeeds. */
                                failing_since: string | null;
                                /** @description Inactive webhooks get no deliveries. */
                                is_active: boolean;
                                /** @description The id of the webhook in URLs and in every envelope. */
                                key: string;
                                name: string;
                                /** @description Receives the program's operational events (webhook.failing, webhook.disabled, delivery.exhausted). */
                                operational: boolean;
                                /** @description The signing secret: HMAC key of `Signature` and of `webhook-signature`. */
                                signature: string;
                                updated_at: string;
                                /** @description The destination of every delivery. */
                                url: string;
                            };
                            /** @enum {number} */
                            status: 1;
                        };
                    };
                };
                /** @description A client error: `{message, errors?}`. */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Messages per field (`field` or `field.0.name`), for 422 answers. */
                            errors?: {
                                [key: string]: string[];
                            };
                            /** @description What went wrong, in one sentence. */
                            message: string;
                        };
                    };
                };
                /** @description A client error: `{message, errors?}`. */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Messages per field (`field` or `field.0.name`), for 422 answers. */
                            errors?: {
                                [key: string]: string[];
                            };
                            /** @description What went wrong, in one sentence. */
                            message: string;
                        };
                    };
                };
            };
        };
        /** Update a webhook (partial) */
        put: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    key: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        update: {
                            events?: string[] | null;
                            is_active?: boolean | null;
                            name?: string | null;
                            url?: string | null;
                        };
                    } | {
                        events?: string[] | null;
                        is_active?: boolean | null;
                        name?: string | null;
                        url?: string | null;
                    };
                };
            };
            responses: {
                /** @description A webhook subscription. */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description A webhook subscription. */
                            data: {
                                /** @description Deliveries in a row that failed every attempt. */
                                consecutive_failures: number;
                                created_at: string;
                                disabled_at: string | null;
                                /** @description Why Hookline disabled the webhook (410 Gone, failing too long); null otherwise. */
                                disabled_reason: string | null;
                                /** @description Subscribed event types; `*` is every event type. */
                                events: string[];
                                /** @description Since when every attempt has failed; null while it succeeds. */
                                failing_since: string | null;
                                /** @description Inactive webhooks get no deliveries. */
                                is_active: boolean;
                                /** @description The id of the webhook in URLs and in every envelope. */
                                key: string;
                                name: string;
                                /** @description Receives the program's operational events (webhook.failing, webhook.disabled, delivery.exhausted). */
                                operational: boolean;
                                /** @description The signing secret: HMAC key of `Signature` and of `webhook-signature`. */
                                signature: string;
                                updated_at: string;
                                /** @description The destination of every delivery. */
                                url: string;
                            };
                            /** @enum {number} */
                            status: 1;
                        };
                    };
                };
                /** @description A client error: `{message, errors?}`. */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Messages per field (`field` or `field.0.name`), for 422 answers. */
                            errors?: {
                                [key: string]: string[];
                            };
                            /** @description What went wrong, in one sentence. */
                            message: string;
                        };
                    };
                };
                /** @description A client error: `{message, errors?}`. */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Messages per field (`field` or `field.0.name`), for 422 answers. */
                            errors?: {
                                [key: string]: string[];
                            };
                            /** @description What went wrong, in one sentence. */
                            message: string;
                        };
                    };
                };
            };
        };
        post?: never;
        /** Delete a webhook */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    key: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Done. */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {number} */
                            status: 1;
                        };
                    };
                };
                /** @description A client error: `{message, errors?}`. */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Messages per field (`field` or `field.0.name`), for 422 answers. */
                            errors?: {
                                [key: string]: string[];
                            };
                            /** @description What went wrong, in one sentence. */
                            message: string;
                        };
                    };
                };
                /** @description A client error: `{message, errors?}`. */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Messages per field (`field` or `field.0.name`), for 422 answers. */
                            errors?: {
                                [key: string]: string[];
                            };
                            /** @description What went wrong, in one sentence. */
                            message: string;
                        };
                    };
                };
            };
        };
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/webhooks/{key}/deliveries": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List a webhook's deliveries, newest first */
        get: {
            parameters: {
                query?: {
                    limit?: number;
                    page?: number;
                    sort?: "asc" | "desc";
                    status?: "pending" | "succeeded" | "failed" | "cancelled";
                    event?: string;
                    since?: string;
                    until?: string;
                };
                header?: never;
                path: {
                    key: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description A page of: A delivery: one event going to one webhook. */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            data: {
                                /** @description Attempts made so far. */
                                attempts: number;
                                cancel_reason: string | null;
                                completed_at: string | null;
                                /** @description ISO 8601, microseconds, UTC. */
                                created_at: string;
                                /** @description The event type. */
                                event: string;
                                event_id: string;
                                id: string;
                                last_attempt_at: string | null;
                                last_error: string | null;
                                last_status_code: number | null;
                                next_attempt_at: string | null;
                                /**
                                 * @description `pending`, `succeeded`, `failed` or `cancelled`.
                                 * @enum {string}
                                 */
                                status: "pending" | "succeeded" | "failed" | "cancelled";
                                /** @description ISO 8601, microseconds, UTC. */
                                updated_at: string;
                                /** @description The destination, as it was when the event was dispatched. */
                                url: string;
                                /** @description The webhook it was sent to (kept after a deletion). */
                                webhook_key: string;
                            }[];
                            links: {
                                first: string;
                                last: null;
                                next: string | null;
                                prev: string | null;
                            };
                            meta: {
                                current_page: number;
                                from: number | null;
                                path: string;
                                per_page: number;
                                to: number | null;
                            };
                            /** @enum {number} */
                            status: 1;
                        };
                    };
                };
                /** @description A client error: `{message, errors?}`. */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Messages per field (`field` or `field.0.name`), for 422 answers. */
                            errors?: {
                                [key: string]: string[];
                            };
                            /** @description What went wrong, in one sentence. */
                            message: string;
                        };
                    };
                };
                /** @description A client error: `{message, errors?}`. */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Messages per field (`field` or `field.0.name`), for 422 answers. */
                            errors?: {
                                [key: string]: string[];
                            };
                            /** @description What went wrong, in one sentence. */
                            message: string;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/webhooks/{key}/enable": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Re-enable a webhook, optionally retrying what failed while it was down
         * @description Activates the webhook and clears its failure record. With `retry_failed: true`, its deliveries that ended `failed` or `cancelled` and were created since it started failing (less one retry schedule) are queued again (as `POST /v1/deliveries/retry` does); `queued` says how many.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    key: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        retry_failed?: boolean;
                    } | null;
                };
            };
            responses: {
                /** @description Success. */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            data: {
                                queued: number;
                                webhook: {
                                    consecutive_failures: number;
                                    disabled_at: string | null;
                                    disabled_reason: string | null;
                                    failing_since: string | null;
                                    is_active: boolean;
                                    key: string;
                                    name: string;
                                    operational: boolean;
                                    url: string;
                                };
                            };
                            /** @enum {number} */
                            status: 1;
                        };
                    };
                };
                /** @description A client error: `{message, errors?}`. */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Messages per field (`field` or `field.0.name`), for 422 answers. */
                            errors?: {
                                [key: string]: string[];
                            };
                            /** @description What went wrong, in one sentence. */
                            message: string;
                        };
                    };
                };
                /** @description A client error: `{message, errors?}`. */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Messages per field (`field` or `field.0.name`), for 422 answers. */
                            errors?: {
                                [key: string]: string[];
                            };
                            /** @description What went wrong, in one sentence. */
                            message: string;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/webhooks/{key}/finish-rotation": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * End a secret rotation's grace period now
         * @description Rotated-out secrets stop signing at once: `webhook-signature` carries only the current secret, and `Signature` switches to it. Call it once every receiver has the new `signature`. Idempotent.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    key: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Success. */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            data: {
                                /** @description Deliveries in a row that failed every attempt. */
                                consecutive_failures: number;
                                created_at: string;
                                disabled_at: string | null;
                                /** @description Why Hookline disabled the webhook (410 Gone, failing too long); null otherwise. */
                                disabled_reason: string | null;
                                /** @description Subscribed event types; `*` is every event type. */
                                events: string[];
                                /** @description Since when every attempt has failed; null while it succeeds. */
                                failing_since: string | null;
                                /** @description Inactive webhooks get no deliveries. */
                                is_active: boolean;
                                /** @description The id of the webhook in URLs and in every envelope. */
                                key: string;
                                name: string;
                                /** @description Receives the program's operational events (webhook.failing, webhook.disabled, delivery.exhausted). */
                                operational: boolean;
                                /** @description The signing secret: HMAC key of `Signature` and of `webhook-signature`. */
                                signature: string;
                                /** @description When `Signature` starts carrying the current secret; null when it already does. */
                                signature_switches_at: string | null;
                                updated_at: string;
                                /** @description The destination of every delivery. */
                                url: string;
                            };
                            /** @enum {number} */
                            status: 1;
                        };
                    };
                };
                /** @description A client error: `{message, errors?}`. */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Messages per field (`field` or `field.0.name`), for 422 answers. */
                            errors?: {
                                [key: string]: string[];
                            };
                            /** @description What went wrong, in one sentence. */
                            message: string;
                        };
                    };
                };
                /** @description A client error: `{message, errors?}`. */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Messages per field (`field` or `field.0.name`), for 422 answers. */
                            errors?: {
                                [key: string]: string[];
                            };
                            /** @description What went wrong, in one sentence. */
                            message: string;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/webhooks/{key}/operational": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /**
         * Receive (or stop receiving) the program's operational events
         * @description An operational webhook receives `webhook.failing`, `webhook.disabled` and `delivery.exhausted` about the other webhooks of the program. Ordinary subscriptions (`*` included) never receive them.
         */
        put: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    key: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        operational: boolean;
                    };
                };
            };
            responses: {
                /** @description Success. */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            data: {
                                consecutive_failures: number;
                                disabled_at: string | null;
                                disabled_reason: string | null;
                                failing_since: string | null;
                                is_active: boolean;
                                key: string;
                                name: string;
                                operational: boolean;
                                url: string;
                            };
                            /** @enum {number} */
                            status: 1;
                        };
                    };
                };
                /** @description A client error: `{message, errors?}`. */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Messages per field (`field` or `field.0.name`), for 422 answers. */
                            errors?: {
                                [key: string]: string[];
                            };
                            /** @description What went wrong, in one sentence. */
                            message: string;
                        };
                    };
                };
                /** @description A client error: `{message, errors?}`. */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Messages per field (`field` or `field.0.name`), for 422 answers. */
                            errors?: {
                                [key: string]: string[];
                            };
                            /** @description What went wrong, in one sentence. */
                            message: string;
                        };
                    };
                };
            };
        };
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/webhooks/{key}/rotate-secret": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Rotate the signing secret
         * @description Generates a new `signature`. The previous secret keeps signing for `grace_period_seconds` (0 to 604800; default the server's HOOKLINE_SECRET_GRACE_PERIOD, 24 h): as a second `v1,` entry in `webhook-signature`, and as the only value of `Signature`, which switches to the new secret at `signature_switches_at` (receivers that check only `Signature` know one secret). `POST /v1/webhooks/{key}/finish-rotation` ends the grace period early.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    key: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        grace_period_seconds?: number;
                    } | null;
                };
            };
            responses: {
                /** @description Success. */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            data: {
                                /** @description Deliveries in a row that failed every attempt. */
                                consecutive_failures: number;
                                created_at: string;
                                disabled_at: string | null;
                                /** @description Why Hookline disabled the webhook (410 Gone, failing too long); null otherwise. */
                                disabled_reason: string | null;
                                /** @description Subscribed event types; `*` is every event type. */
                                events: string[];
                                /** @description Since when every attempt has failed; null while it succeeds. */
                                failing_since: string | null;
                                /** @description Inactive webhooks get no deliveries. */
                                is_active: boolean;
                                /** @description The id of the webhook in URLs and in every envelope. */
                                key: string;
                                name: string;
                                /** @description Receives the program's operational events (webhook.failing, webhook.disabled, delivery.exhausted). */
                                operational: boolean;
                                /** @description The signing secret: HMAC key of `Signature` and of `webhook-signature`. */
                                signature: string;
                                /** @description When `Signature` starts carrying the current secret; null when it already does. */
                                signature_switches_at: string | null;
                                updated_at: string;
                                /** @description The destination of every delivery. */
                                url: string;
                            };
                            /** @enum {number} */
                            status: 1;
                        };
                    };
                };
                /** @description A client error: `{message, errors?}`. */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Messages per field (`field` or `field.0.name`), for 422 answers. */
                            errors?: {
                                [key: string]: string[];
                            };
                            /** @description What went wrong, in one sentence. */
                            message: string;
                        };
                    };
                };
                /** @description A client error: `{message, errors?}`. */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Messages per field (`field` or `field.0.name`), for 422 answers. */
                            errors?: {
                                [key: string]: string[];
                            };
                            /** @description What went wrong, in one sentence. */
                            message: string;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/webhooks/{key}/test": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Send an event type's sample to the webhook now
         * @description Records a test event (source `test`) with one delivery to this webhook, attempts it once now (trigger `test`), and answers with the attempt. Test deliveries are final after that attempt and never retried.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    key: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        event: string;
                    };
                };
            };
            responses: {
                /** @description Success. */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            data: {
                                /** @description An attempt of a delivery. */
                                attempt: {
                                    delivery_id: string;
                                    duration_ms: number;
                                    error_class: string | null;
                                    error_message: string | null;
                                    id: string;
                                    /** @description 1 for the first attempt. */
                                    number: number;
                                    request_headers: {
                                        [key: string]: string;
                                    };
                                    /** @description The first 16 KiB of the answer. */
                                    response_body: string | null;
                                    response_headers: {
                                        [key: string]: string;
                                    } | null;
                                    response_status: number | null;
                                    /** @description ISO 8601, microseconds, UTC. */
                                    started_at: string;
                                    succeeded: boolean;
                                    /**
                                     * @description `scheduled`, `manual` or `test`.
                                     * @enum {string}
                                     */
                                    trigger: "scheduled" | "manual" | "test";
                                };
                                /** @description A delivery: one event going to one webhook. */
                                delivery: {
                                    /** @description Attempts made so far. */
                                    attempts: number;
                                    cancel_reason: string | null;
                                    completed_at: string | null;
                                    /** @description ISO 8601, microseconds, UTC. */
                                    created_at: string;
                                    /** @description The event type. */
                                    event: string;
                                    event_id: string;
                                    id: string;
                                    last_attempt_at: string | null;
                                    last_error: string | null;
                                    last_status_code: number | null;
                                    next_attempt_at: string | null;
                                    /**
                                     * @description `pending`, `succeeded`, `failed` or `cancelled`.
                                     * @enum {string}
                                     */
                                    status: "pending" | "succeeded" | "failed" | "cancelled";
                                    /** @description ISO 8601, microseconds, UTC. */
                                    updated_at: string;
                                    /** @description The destination, as it was when the event was dispatched. */
                                    url: string;
                                    /** @description The webhook it was sent to (kept after a deletion). */
                                    webhook_key: string;
                                };
                                event_id: string;
                            };
                            /** @enum {number} */
                            status: 1;
                        };
                    };
                };
                /** @description A client error: `{message, errors?}`. */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Messages per field (`field` or `field.0.name`), for 422 answers. */
                            errors?: {
                                [key: string]: string[];
                            };
                            /** @description What went wrong, in one sentence. */
                            message: string;
                        };
                    };
                };
                /** @description A client error: `{message, errors?}`. */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Messages per field (`field` or `field.0.name`), for 422 answers. */
                            errors?: {
                                [key: string]: string[];
                            };
                            /** @description What went wrong, in one sentence. */
                            message: string;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
}
export type webhooks = Record<string, never>;
export interface components {
    schemas: never;
    responses: never;
    parameters: never;
    requestBodies: never;
    headers: never;
    pathItems: never;
}
export type $defs = Record<string, never>;
export type operations = Record<string, never>;
