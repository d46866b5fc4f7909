//! The WeChat settings: the mini-program's AppID and AppSecret, and for each message kind the
//! subscription template (订阅消息模板) registered for it, with which of its fields carries which
//! of the message's parameters. Read with the rest of the configuration, which names what is wrong.

use crate::sms::Template;
use secrecy::SecretString;
use std::collections::BTreeMap;

/// The mini-program the portal serves.
#[derive(Debug, Clone)]
pub struct WechatConfig {
    /// `WECHAT_APP_ID`: the mini-program's AppID.
    pub app_id: String,
    /// `WECHAT_APP_SECRET`: its AppSecret.
    pub secret: SecretString,
    /// `WECHAT_API`: the server API's address; default `https://api.weixin.qq.com`.
    pub api: String,
    /// `WECHAT_TEMPLATE_<KIND>`: `<template id>|<field>=<parameter>,…` per message kind, by key.
    pub templates: BTreeMap<Template, SubscriptionTemplate>,
}

/// A subscription template: its id, and its fields (`thing1`, `time2`…) each with the message
/// parameter it shows.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SubscriptionTemplate {
    pub id: String,
    pub fields: Vec<(String, String)>,
}

impl WechatConfig {
    /// The message kind whose template has `id`.
    pub fn kind_of(&self, id: &str) -> Option<Template> {
        self.templates.iter().find(|(_, t)| t.id == id).map(|(kind, _)| *kind)
    }
}

/// The kinds of field a subscription template has, as WeChat names them.
const FIELD_KINDS: [&str; 9] =
    ["thing", "time", "date", "character_string", "number", "letter", "phrase", "name", "amount"];

/// The WeChat settings; none without `WECHAT_APP_ID`.
pub fn from_lookup(get: &impl Fn(&str) -> Option<String>) -> Result<Option<WechatConfig>, String> {
    let Some(app_id) = get("WECHAT_APP_ID").map(|v| v.trim().to_owned()).filter(|v| !v.is_empty()) else {
        return Ok(None);
    };
    let secret = get("WECHAT_APP_SECRET")
        .filter(|s| !s.trim().is_empty())
        .ok_or_else(|| "WECHAT_APP_ID needs WECHAT_APP_SECRET".to_owned())?;
    let api = get("WECHAT_API").filter(|a| !a.trim().is_empty()).unwrap_or_else(|| "https://api.weixin.qq.com".into());
    if !(api.starts_with("https://") || api.starts_with("http://")) {
        return Err(format!("WECHAT_API {api} is not an http(s) address"));
    }
    let mut templates = BTreeMap::new();
    for kind in Template::ALL {
        let key = format!("WECHAT_TEMPLATE_{}", kind.key().to_uppercase());
        let Some(value) = get(&key).filter(|v| !v.trim().is_empty()) else { continue };
        // A sign-in code proves the phone: it goes to the phone, never to WeChat.
        if kind == Template::Code {
            return Err(format!("{key}: a sign-in code goes by SMS only"));
        }
        templates.insert(kind, template_of(kind, &value).map_err(|e| format!("{key}: {e}"))?);
    }
    Ok(Some(WechatConfig {
        app_id,
        secret: SecretString::from(secret),
        api: api.trim_end_matches('/').to_owned(),
        templates,
    }))
}

/// `<id>|<field>=<parameter>,…`, each field a WeChat field name and each parameter one of the kind's.
fn template_of(kind: Template, value: &str) -> Result<SubscriptionTemplate, String> {
    let (id, fields) = value.split_once('|').ok_or("write <template id>|<field>=<parameter>,…")?;
    let id = id.trim();
    if id.is_empty() || !id.chars().all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_') {
        return Err(format!("{id:?} is not a template id"));
    }
    let mut out = Vec::new();
    for pair in fields.split(',').map(str::trim).filter(|p| !p.is_empty()) {
        let (field, param) = pair.split_once('=').ok_or_else(|| format!("{pair:?} is not <field>=<parameter>"))?;
        let (field, param) = (field.trim(), param.trim());
        let digits = FIELD_KINDS.iter().find_map(|k| field.strip_prefix(k));
        if !digits.is_some_and(|d| !d.is_empty() && d.chars().all(|c| c.is_ascii_digit())) {
            return Err(format!("{field:?} is not a WeChat field (thing1, time2…)"));
        }
        if !kind.params().contains(&param) {
            return Err(format!("{param:?} is not one of {}", kind.params().join(", ")));
        }
        out.push((field.to_owned(), param.to_owned()));
    }
    if out.is_empty() {
        return Err("no fields".into());
    }
    Ok(SubscriptionTemplate { id: id.to_owned(), fields: out })
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashMap;

    fn config(pairs: &[(&str, &str)]) -> Result<Option<WechatConfig>, String> {
        let env: HashMap<String, String> = pairs.iter().map(|(k, v)| (k.to_string(), v.to_string())).collect();
        from_lookup(&|key: &str| env.get(key).cloned())
    }

    #[test]
    fn templates_name_wechat_fields_and_the_kinds_own_parameters() {
        assert!(config(&[]).expect("none").is_none());
        assert!(config(&[("WECHAT_APP_ID", "wx1")]).expect_err("secret").contains("WECHAT_APP_SECRET"));
        let base = [("WECHAT_APP_ID", "wx1"), ("WECHAT_APP_SECRET", "s")];
        let with = |key: &'static str, value: &'static str| {
            let mut pairs = base.to_vec();
            pairs.push((key, value));
            config(&pairs)
        };
        let ok = with("WECHAT_TEMPLATE_REMINDER", "Tmpl-1_a|time1=when, thing2=place,character_string3=code")
            .expect("valid")
            .expect("some");
        assert_eq!(ok.templates[&Template::Reminder].fields[2], ("character_string3".into(), "code".into()));
        assert_eq!((ok.api.as_str(), ok.kind_of("Tmpl-1_a")), ("https://api.weixin.qq.com", Some(Template::Reminder)));
        for (key, value, named) in [
            ("WECHAT_TEMPLATE_REMINDER", "Tmpl|time1=title", "title"),
            ("WECHAT_TEMPLATE_REMINDER", "Tmpl|when=when", "when"),
            ("WECHAT_TEMPLATE_REMINDER", "Tmpl|thing=place", "thing"),
            ("WECHAT_TEMPLATE_REMINDER", "Tmpl", "template id"),
            ("WECHAT_TEMPLATE_REMINDER", "bad id|time1=when", "bad id"),
            ("WECHAT_TEMPLATE_CODE", "Tmpl|character_string1=code", "SMS only"),
            ("WECHAT_API", "api.weixin.qq.com", "WECHAT_API"),
        ] {
            let error = with(key, value).expect_err(value);
            assert!(error.contains(named), "{value}: {error}");
        }
    }
}
