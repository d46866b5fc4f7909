//! Partner systems' API keys, as admins issue them.

use serde::{Deserialize, Serialize};

/// What a key may do. A key may call only the endpoints of its scopes, and only as its receiving
/// body's staff may.
pub const API_SCOPES: &[&str] = &["referrals:read", "referrals:write"];

/// A key, as admins see it (never its secret).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(schemars::JsonSchema))]
pub struct ApiKey {
    pub id: i64,
    /// The partner system, e.g. 法律援助案件管理系统.
    pub name: String,
    /// The receiving body it acts for.
    pub organisation_id: i64,
    pub scopes: Vec<String>,
    /// UTC milliseconds.
    pub created_at: i64,
    pub last_used_at: Option<i64>,
    pub revoked: bool,
}

/// Issues a key (no `id`), or renames it, changes its scopes or revokes it for good.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(schemars::JsonSchema))]
pub struct ApiKeyEdit {
    #[serde(default)]
    pub id: Option<i64>,
    pub name: String,
    /// Fixed once issued: a key for another body is a new key.
    pub organisation_id: i64,
    pub scopes: Vec<String>,
    #[serde(default)]
    pub revoked: bool,
}

/// The keys, and the secret of the one just issued: shown this once, sent by the partner as
/// `Authorization: Bearer <secret>`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(schemars::JsonSchema))]
pub struct ApiKeys {
    pub keys: Vec<ApiKey>,
    pub secret: Option<String>,
}
