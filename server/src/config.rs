//! The server's configuration: every setting from the environment, each with a default that runs
//! locally (SQLite under `./data`, the log SMS sender, the front end in `./dist`).

pub mod evaluation;

pub use crate::sms::settings::{SmsConfig, SmsProvider};
use std::net::{IpAddr, SocketAddr};
use std::path::PathBuf;

/// Everything the server reads at start.
#[derive(Debug, Clone)]
pub struct Config {
    /// `BIND_ADDR`, default `127.0.0.1:3000`; port 0 picks a free port.
    pub bind_addr: SocketAddr,
    /// `DATA_DIR`, default `./data`: the SQLite file and uploads.
    pub data_dir: PathBuf,
    /// `DATABASE_URL`; default a SQLite file in `DATA_DIR`.
    pub database_url: String,
    /// `SITE_DIR`, default `./dist`: the built front end.
    pub site_dir: PathBuf,
    /// `DEMO=1`: load the demo district into an empty database.
    pub demo: bool,
    /// `SMS_SENDER`: `log`, `aliyun` or `tencent` (with the `SMS_KEY_*`, `SMS_SIGN_NAME` and
    /// `SMS_TEMPLATE_*` settings), or `http` (with `SMS_GATEWAY_URL` and `SMS_GATEWAY_SECRET`).
    pub sms: SmsConfig,
    /// `SMS_QUIET_HOURS`, default `21-8`: Shanghai hours when only urgent messages (codes, anything
    /// about a consultation) go out and the rest wait for the morning; `off`: none.
    pub sms_quiet_hours: Option<(u32, u32)>,
    /// `SMS_RECEIPT_TOKEN`: the secret part of the delivery-receipt address registered with the
    /// provider (`/hooks/sms/<provider>/<token>`); without it, receipts are not taken.
    pub sms_receipt_token: Option<String>,
    /// `WECHAT_APP_ID` (with `WECHAT_APP_SECRET` and `WECHAT_TEMPLATE_*`): the mini-program whose
    /// residents sign in with WeChat and get the messages they allowed there; none: no WeChat.
    pub wechat: Option<crate::wechat::settings::WechatConfig>,
    /// `COOKIE_SECURE=1`: mark cookies `Secure` (set when served over HTTPS).
    pub secure_cookies: bool,
    /// `TRUST_PROXY=1`: take the client address from `X-Forwarded-For` (behind a load balancer).
    pub trust_proxy: bool,
    /// `MAX_BODY_BYTES`, default 65536: the largest API request body.
    pub max_body_bytes: usize,
    /// `DB_MAX_CONNECTIONS`, default 16 (PostgreSQL) or 8 (SQLite).
    pub db_max_connections: Option<u32>,
    /// `AVAILABILITY_CACHE_MS`, default 1000: how long a server answers availability look-ups from
    /// memory, so the longest a change made through another server goes unseen here. 0: never.
    pub availability_cache_ms: u64,
    /// `METRICS_TOKEN`: a bearer token that may read `/metrics` from anywhere.
    pub metrics_token: Option<String>,
    /// `METRICS_ALLOW`, comma-separated addresses that may read `/metrics`; default this host.
    pub metrics_allow: Vec<IpAddr>,
    /// `MAX_UPLOAD_BYTES`, default 10485760 (10 MB): the largest file.
    pub max_upload_bytes: usize,
    /// `STORAGE_URL`: `s3://bucket/prefix` for S3-compatible object storage (with `AWS_*`
    /// settings); default local disk under `DATA_DIR/files`.
    pub storage_url: Option<String>,
    /// `FILE_RETENTION_DAYS`, default 180: how long a closed booking's private files are kept.
    pub file_retention_days: u64,
    /// `CODES_PER_ADDRESS_PER_HOUR`, default 20: sign-in and consent codes one network address may
    /// ask for in an hour. Mobile networks put many phones behind one address: a district whose
    /// residents share carriers' addresses raises it (each number keeps its own limits).
    pub codes_per_address_per_hour: u64,
    /// `QUESTION_DEADLINE_HOURS`, default 24: working hours each lawyer on a question's route
    /// has to answer before it moves on.
    pub question_deadline_hours: u64,
    /// `QUESTION_CLAIM_LAPSE_DAYS`, default 3: how long a claimed question may wait for its
    /// claimant before it goes back to the route.
    pub question_claim_lapse_days: u64,
    /// `QUESTION_CLOSE_DAYS`, default 30: how long an answered question stays open for a
    /// follow-up with nothing happening on it before it closes by itself.
    pub question_close_days: u64,
    /// `PUBLIC_URL`: the address residents reach the portal at, for links in SMS; default
    /// `http://BIND_ADDR`.
    pub public_url: String,
    /// `HEADER_READ_TIMEOUT_MS`, default 10000: the longest a client may take to send a request's
    /// headers (an idle kept-alive connection is closed after it too).
    pub header_read_timeout: std::time::Duration,
    /// `UPLOAD_IDLE_TIMEOUT_MS`, default 30000: how long an upload may send nothing before it is
    /// given up (a phone on a weak network sends slowly, but it sends).
    pub upload_idle_timeout: std::time::Duration,
    /// `MAX_CONNECTIONS`, default 1024: connections served at once; more wait to be accepted.
    pub max_connections: usize,
    /// `TEST_CLOCK=1`: `POST /test/clock` moves the server's clock (the browser tests' server;
    /// never in service).
    pub test_clock: bool,
    /// `MEETING_URL_PATTERN`: where a video consultation meets, `https://…{room}…` on the
    /// bureau's meeting server; each video booking gets a room of its own. Unset: its lawyer
    /// pastes a link.
    pub meeting_url_pattern: Option<String>,
    /// How lawyers' years are scored and concluded.
    pub evaluation: evaluation::Evaluation,
    /// `REQUEST_DEADLINE_MS`, default 20000: the longest a request may run once it has arrived
    /// (an upload's deadline starts when its last byte is in); past it the answer is 503.
    pub request_deadline: std::time::Duration,
}

/// `MEETING_URL_PATTERN`, checked: an `https` address with `{room}` in it.
fn meeting_pattern_of(get: &impl Fn(&str) -> Option<String>) -> Result<Option<String>, ConfigError> {
    let Some(pattern) = get("MEETING_URL_PATTERN").filter(|p| !p.trim().is_empty()) else { return Ok(None) };
    let pattern = pattern.trim().to_owned();
    let example = pattern.replace("{room}", "fai-room");
    let valid = reqwest::Url::parse(&example).is_ok_and(|url| url.scheme() == "https" && url.host().is_some());
    if !pattern.contains("{room}") || !valid {
        return Err(ConfigError(format!(
            "MEETING_URL_PATTERN: an https address with {{room}} in it, like https://meet.example.gov.cn/{{room}} (got {pattern})"
        )));
    }
    Ok(Some(pattern))
}

/// A setting that could not be read.
#[derive(Debug, thiserror::Error)]
#[error("configuration: {0}")]
pub struct ConfigError(String);

impl Config {
    /// Reads the process environment.
    pub fn from_env() -> Result<Config, ConfigError> {
        Config::from_lookup(|key| std::env::var(key).ok())
    }

    /// Reads settings through `get`, so tests can supply their own.
    pub fn from_lookup(get: impl Fn(&str) -> Option<String>) -> Result<Config, ConfigError> {
        let flag = |key: &str| get(key).is_some_and(|v| matches!(v.trim(), "1" | "true" | "yes"));
        let bind_addr = get("BIND_ADDR")
            .unwrap_or_else(|| "127.0.0.1:3000".into())
            .parse()
            .map_err(|e| ConfigError(format!("BIND_ADDR: {e}")))?;
        let data_dir = PathBuf::from(get("DATA_DIR").unwrap_or_else(|| "./data".into()));
        let database_url = get("DATABASE_URL")
            .filter(|url| !url.trim().is_empty())
            .unwrap_or_else(|| format!("sqlite://{}?mode=rwc", data_dir.join("fai.db").display()));
        let sms = crate::sms::settings::from_lookup(&get).map_err(ConfigError)?;
        let number =
            |key: &str| get(key).map(|v| v.parse::<u64>().map_err(|e| ConfigError(format!("{key}: {e}")))).transpose();
        let public_url = public_url_of(&get, &bind_addr)?;
        Ok(Config {
            bind_addr,
            data_dir,
            database_url,
            site_dir: PathBuf::from(get("SITE_DIR").unwrap_or_else(|| "./dist".into())),
            demo: flag("DEMO"),
            sms,
            sms_receipt_token: receipt_token_of(&get)?,
            sms_quiet_hours: quiet_hours_of(&get)?,
            wechat: crate::wechat::settings::from_lookup(&get).map_err(ConfigError)?,
            secure_cookies: flag("COOKIE_SECURE"),
            trust_proxy: flag("TRUST_PROXY"),
            max_body_bytes: number("MAX_BODY_BYTES")?.map_or(64 * 1024, |n| n as usize),
            db_max_connections: number("DB_MAX_CONNECTIONS")?.map(|n| n as u32),
            availability_cache_ms: number("AVAILABILITY_CACHE_MS")?.unwrap_or(1000),
            metrics_token: get("METRICS_TOKEN").filter(|t| !t.trim().is_empty()),
            metrics_allow: metrics_allow_of(&get)?,
            max_upload_bytes: number("MAX_UPLOAD_BYTES")?.map_or(10 * 1024 * 1024, |n| n as usize),
            storage_url: get("STORAGE_URL").filter(|u| !u.trim().is_empty()),
            file_retention_days: number("FILE_RETENTION_DAYS")?.unwrap_or(180),
            codes_per_address_per_hour: number("CODES_PER_ADDRESS_PER_HOUR")?.unwrap_or(20),
            question_deadline_hours: number("QUESTION_DEADLINE_HOURS")?.unwrap_or(24),
            question_claim_lapse_days: number("QUESTION_CLAIM_LAPSE_DAYS")?.unwrap_or(3),
            question_close_days: number("QUESTION_CLOSE_DAYS")?.unwrap_or(30),
            public_url,
            test_clock: flag("TEST_CLOCK"),
            header_read_timeout: std::time::Duration::from_millis(number("HEADER_READ_TIMEOUT_MS")?.unwrap_or(10_000)),
            upload_idle_timeout: std::time::Duration::from_millis(number("UPLOAD_IDLE_TIMEOUT_MS")?.unwrap_or(30_000)),
            max_connections: number("MAX_CONNECTIONS")?.map_or(1024, |n| n as usize),
            request_deadline: std::time::Duration::from_millis(number("REQUEST_DEADLINE_MS")?.unwrap_or(20_000)),
            meeting_url_pattern: meeting_pattern_of(&get)?,
            evaluation: evaluation::from_lookup(&get)?,
        })
    }
}

/// The quiet hours: `FROM-UNTIL` in whole hours 0–24, or `off`.
fn quiet_hours_of(get: &impl Fn(&str) -> Option<String>) -> Result<Option<(u32, u32)>, ConfigError> {
    let text = get("SMS_QUIET_HOURS").map(|t| t.trim().to_owned()).filter(|t| !t.is_empty());
    match text.as_deref() {
        None => Ok(Some(crate::sms::template::QUIET_HOURS)),
        Some("off") => Ok(None),
        Some(hours) => hours
            .split_once('-')
            .and_then(|(a, b)| Some((a.trim().parse::<u32>().ok()?, b.trim().parse::<u32>().ok()?)))
            .filter(|(a, b)| *a <= 24 && *b <= 24 && a != b)
            .map(Some)
            .ok_or_else(|| ConfigError(format!("SMS_QUIET_HOURS {hours} is not FROM-UNTIL in hours (21-8) or off"))),
    }
}

/// The secret of the delivery-receipt address: none, or at least 16 characters.
fn receipt_token_of(get: &impl Fn(&str) -> Option<String>) -> Result<Option<String>, ConfigError> {
    match get("SMS_RECEIPT_TOKEN").map(|t| t.trim().to_owned()).filter(|t| !t.is_empty()) {
        Some(token) if token.len() < 16 || !token.bytes().all(|b| b.is_ascii_alphanumeric()) => {
            Err(ConfigError("SMS_RECEIPT_TOKEN must be at least 16 letters and digits".into()))
        }
        token => Ok(token),
    }
}

/// The address residents reach the portal at (links in messages), without a trailing slash.
fn public_url_of(get: &impl Fn(&str) -> Option<String>, bind_addr: &SocketAddr) -> Result<String, ConfigError> {
    let public_url = get("PUBLIC_URL")
        .filter(|u| !u.trim().is_empty())
        .map(|u| u.trim().trim_end_matches('/').to_owned())
        .unwrap_or_else(|| format!("http://{bind_addr}"));
    if !(public_url.starts_with("https://") || public_url.starts_with("http://")) {
        return Err(ConfigError(format!("PUBLIC_URL {public_url} is not an http(s) address")));
    }
    Ok(public_url)
}

/// The addresses `/metrics` answers (default: this host).
fn metrics_allow_of(get: &impl Fn(&str) -> Option<String>) -> Result<Vec<IpAddr>, ConfigError> {
    get("METRICS_ALLOW")
        .unwrap_or_else(|| "127.0.0.1,::1".into())
        .split(',')
        .map(str::trim)
        .filter(|a| !a.is_empty())
        .map(|a| a.parse().map_err(|e| ConfigError(format!("METRICS_ALLOW: {a}: {e}"))))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashMap;

    fn config(pairs: &[(&str, &str)]) -> Result<Config, ConfigError> {
        let env: HashMap<String, String> = pairs.iter().map(|(k, v)| (k.to_string(), v.to_string())).collect();
        Config::from_lookup(|key| env.get(key).cloned())
    }

    #[test]
    fn defaults_run_locally_on_sqlite() {
        let c = config(&[]).expect("defaults");
        assert_eq!(c.bind_addr.to_string(), "127.0.0.1:3000");
        assert!(c.database_url.starts_with("sqlite://./data/fai.db"));
        assert!(matches!(c.sms, SmsConfig::Log));
        assert!(!c.demo);
    }

    #[test]
    fn a_meeting_server_is_an_https_pattern_with_a_room() {
        let good = config(&[("MEETING_URL_PATTERN", " https://meet.example.gov.cn/{room} ")]).expect("good");
        assert_eq!(good.meeting_url_pattern.as_deref(), Some("https://meet.example.gov.cn/{room}"));
        assert_eq!(config(&[]).expect("none").meeting_url_pattern, None, "unset: lawyers paste links");
        for bad in [
            "https://meet.example.gov.cn/",
            "http://meet.example.gov.cn/{room}",
            "meet/{room}",
            "ftp://meet.example.gov.cn/{room}",
        ] {
            assert!(config(&[("MEETING_URL_PATTERN", bad)]).is_err(), "{bad}");
        }
    }

    #[test]
    fn bad_settings_are_reported_not_ignored() {
        assert!(config(&[("BIND_ADDR", "nowhere")]).is_err());
        assert!(config(&[("SMS_SENDER", "pigeon")]).is_err());
        assert!(config(&[("SMS_SENDER", "http")]).is_err());
        assert!(config(&[("SMS_SENDER", "http"), ("SMS_GATEWAY_URL", "https://sms.example")]).is_err(), "no secret");
        assert!(
            config(&[("SMS_SENDER", "http"), ("SMS_GATEWAY_URL", "sms.example"), ("SMS_GATEWAY_SECRET", "s")]).is_err()
        );
        assert!(config(&[
            ("SMS_SENDER", "http"),
            ("SMS_GATEWAY_URL", "https://sms.example"),
            ("SMS_GATEWAY_SECRET", "s")
        ])
        .is_ok());
        assert!(config(&[("MAX_BODY_BYTES", "-1")]).is_err());
        assert!(config(&[("METRICS_ALLOW", "10.0.0.1,nowhere")]).is_err());
        assert!(config(&[("PUBLIC_URL", "fai.example")]).is_err());
        assert!(config(&[("MAX_UPLOAD_BYTES", "ten")]).is_err());
        assert_eq!(config(&[("PUBLIC_URL", "https://fai.example/")]).expect("ok").public_url, "https://fai.example");
    }
}
