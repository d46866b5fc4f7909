//! The SMS settings: which sender, and a provider's account, signature and templates. Read with
//! the rest of the configuration, which names what is wrong.

use secrecy::SecretString;
use std::collections::BTreeMap;

/// Where SMS messages go.
#[derive(Debug, Clone)]
pub enum SmsConfig {
    /// Write one log line per message (development).
    Log,
    /// POST each message to an HTTP gateway.
    Http {
        /// The gateway's endpoint.
        url: String,
        /// Sent as a bearer token.
        secret: SecretString,
    },
    /// Alibaba Cloud SMS (短信服务): approved templates under an approved signature.
    Aliyun(SmsProvider),
    /// Tencent Cloud SMS: approved templates under an approved signature.
    Tencent(SmsProvider),
}

/// An account with an approved-template SMS provider.
#[derive(Debug, Clone)]
pub struct SmsProvider {
    /// `SMS_KEY_ID`: AccessKeyId or SecretId.
    pub key_id: String,
    /// `SMS_KEY_SECRET`: AccessKeySecret or SecretKey.
    pub secret: SecretString,
    /// `SMS_SIGN_NAME`: the approved signature (签名), e.g. 法i社区.
    pub sign_name: String,
    /// `SMS_APP_ID`: Tencent's SmsSdkAppId (not used by Alibaba Cloud).
    pub app_id: String,
    /// `SMS_TEMPLATE_<KEY>`: each message kind's approved template id, by key.
    pub templates: BTreeMap<String, String>,
    /// `SMS_ENDPOINT`: the API's address; default the provider's own.
    pub endpoint: String,
    /// `SMS_REGION`: default `cn-hangzhou` (Alibaba Cloud) or `ap-guangzhou` (Tencent).
    pub region: String,
}

/// The SMS sender: the log (default), or an HTTP gateway with its address and secret.
pub fn from_lookup(get: &impl Fn(&str) -> Option<String>) -> Result<SmsConfig, String> {
    match get("SMS_SENDER").as_deref().unwrap_or("log") {
        "log" => Ok(SmsConfig::Log),
        "http" => {
            let url = get("SMS_GATEWAY_URL").ok_or_else(|| "SMS_SENDER=http needs SMS_GATEWAY_URL".to_owned())?;
            if !(url.starts_with("https://") || url.starts_with("http://")) {
                return Err(format!("SMS_GATEWAY_URL {url} is not an http(s) address"));
            }
            let secret = get("SMS_GATEWAY_SECRET")
                .filter(|s| !s.trim().is_empty())
                .ok_or_else(|| "SMS_SENDER=http needs SMS_GATEWAY_SECRET".to_owned())?;
            Ok(SmsConfig::Http { url, secret: SecretString::from(secret) })
        }
        "aliyun" => Ok(SmsConfig::Aliyun(provider_of(get, "aliyun", "https://dysmsapi.aliyuncs.com/", "cn-hangzhou")?)),
        "tencent" => {
            Ok(SmsConfig::Tencent(provider_of(get, "tencent", "https://sms.tencentcloudapi.com/", "ap-guangzhou")?))
        }
        other => Err(format!("SMS_SENDER must be log, aliyun, tencent or http, not {other}")),
    }
}

/// A provider's account; every missing key, signature or template is named at once.
fn provider_of(
    get: &impl Fn(&str) -> Option<String>,
    name: &str,
    endpoint: &str,
    region: &str,
) -> Result<SmsProvider, String> {
    let mut missing = Vec::new();
    let mut need = |key: String| match get(&key).map(|v| v.trim().to_owned()).filter(|v| !v.is_empty()) {
        Some(value) => value,
        None => {
            missing.push(key);
            String::new()
        }
    };
    let key_id = need("SMS_KEY_ID".into());
    let secret = need("SMS_KEY_SECRET".into());
    let sign_name = need("SMS_SIGN_NAME".into());
    let app_id = if name == "tencent" { need("SMS_APP_ID".into()) } else { String::new() };
    let templates = super::Template::ALL
        .iter()
        .map(|t| (t.key().to_owned(), need(format!("SMS_TEMPLATE_{}", t.key().to_uppercase()))))
        .collect();
    if !missing.is_empty() {
        return Err(format!("SMS_SENDER={name} needs {}", missing.join(", ")));
    }
    let endpoint = get("SMS_ENDPOINT").filter(|e| !e.trim().is_empty()).unwrap_or_else(|| endpoint.to_owned());
    if !(endpoint.starts_with("https://") || endpoint.starts_with("http://")) {
        return Err(format!("SMS_ENDPOINT {endpoint} is not an http(s) address"));
    }
    Ok(SmsProvider {
        key_id,
        secret: SecretString::from(secret),
        sign_name,
        app_id,
        templates,
        endpoint,
        region: get("SMS_REGION").filter(|r| !r.trim().is_empty()).unwrap_or_else(|| region.to_owned()),
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashMap;

    fn config(pairs: &[(&str, &str)]) -> Result<SmsConfig, String> {
        let env: HashMap<String, String> = pairs.iter().map(|(k, v)| (k.to_string(), v.to_string())).collect();
        from_lookup(&|key: &str| env.get(key).cloned())
    }

    #[test]
    fn a_template_provider_names_every_missing_key_signature_and_template() {
        let error = config(&[("SMS_SENDER", "aliyun"), ("SMS_KEY_ID", "id")]).expect_err("incomplete");
        for named in
            ["SMS_KEY_SECRET", "SMS_SIGN_NAME", "SMS_TEMPLATE_CODE", "SMS_TEMPLATE_REMINDER", "SMS_TEMPLATE_ARTICLE"]
        {
            assert!(error.contains(named), "{named} in {}", error);
        }
        assert!(!error.contains("SMS_KEY_ID") && !error.contains("SMS_APP_ID"), "{}", error);
        let mut all: Vec<(String, String)> = super::super::Template::ALL
            .iter()
            .map(|t| (format!("SMS_TEMPLATE_{}", t.key().to_uppercase()), format!("SMS_{}", t.key())))
            .collect();
        all.extend(
            [("SMS_KEY_ID", "id"), ("SMS_KEY_SECRET", "secret"), ("SMS_SIGN_NAME", "法i社区")]
                .map(|(k, v)| (k.into(), v.into())),
        );
        let pairs = |sender: &'static str, extra: &[(&'static str, &'static str)]| {
            let mut pairs: Vec<(&str, &str)> = all.iter().map(|(k, v)| (k.as_str(), v.as_str())).collect();
            pairs.push(("SMS_SENDER", sender));
            pairs.extend_from_slice(extra);
            config(&pairs)
        };
        match pairs("aliyun", &[]).expect("aliyun") {
            SmsConfig::Aliyun(p) => assert_eq!(
                (p.endpoint.as_str(), p.templates["code"].as_str()),
                ("https://dysmsapi.aliyuncs.com/", "SMS_code")
            ),
            other => panic!("{other:?}"),
        }
        assert!(pairs("tencent", &[]).expect_err("no app id").contains("SMS_APP_ID"));
        assert!(matches!(pairs("tencent", &[("SMS_APP_ID", "1400000000")]).expect("tencent"), SmsConfig::Tencent(_)));
        assert!(pairs("aliyun", &[("SMS_ENDPOINT", "dysmsapi")]).is_err());
    }
}
