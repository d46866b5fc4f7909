//! Messages to a resident who allowed them in the mini-program go as subscription messages
//! (订阅消息), each using one of their allowances; everything else — and whatever WeChat refuses —
//! goes by SMS as before. The in-app inbox has every message either way (the outbox wrote it).

use super::accounts;
use super::api::{ApiError, WechatApi};
use super::settings::SubscriptionTemplate;
use super::tokens::AccessTokens;
use crate::sms::{Message, Outgoing, SendError, SmsSender};
use crate::store::Store;
use async_trait::async_trait;
use serde_json::{json, Map, Value};
use std::sync::Arc;

/// The mini-program page a message opens: the portal's web-view.
pub const PAGE: &str = "pages/portal/portal";

/// WeChat first, then `sms`.
pub struct WechatFirst {
    store: Store,
    api: Arc<WechatApi>,
    tokens: AccessTokens,
    sms: Arc<dyn SmsSender>,
}

impl WechatFirst {
    /// Sends through `api` what residents allowed, the rest through `sms`.
    pub fn new(store: Store, api: Arc<WechatApi>, sms: Arc<dyn SmsSender>) -> WechatFirst {
        let tokens = AccessTokens::new(store.clone(), api.clone());
        WechatFirst { store, api, tokens, sms }
    }

    /// Sends `message` to its resident by WeChat if they allowed one; false when they did not
    /// (or no longer do).
    async fn by_wechat(
        &self,
        outgoing: &Outgoing,
        message: &Message,
        template: &SubscriptionTemplate,
    ) -> Result<bool, ApiError> {
        let store_error = |e: sqlx::Error| ApiError { code: -1, message: format!("store: {e}") };
        let kind = message.template;
        let Some((user_id, openid)) = accounts::take(&self.store, &outgoing.to, kind).await.map_err(store_error)?
        else {
            return Ok(false);
        };
        let body = json!({
            "touser": openid,
            "template_id": template.id,
            "page": PAGE,
            "data": data(template, message),
            "lang": "zh_CN",
        });
        let mut token = self.tokens.get().await?;
        let mut sent = self.api.send(&token, &body).await;
        if sent.as_ref().is_err_and(ApiError::token_invalid) {
            // Another server may have renewed it already; either way it is renewed once.
            self.tokens.refused(&token).await.map_err(store_error)?;
            token = self.tokens.get().await?;
            sent = self.api.send(&token, &body).await;
        }
        match sent {
            Ok(()) => {
                // Sent: a failure to note how must not send it again by SMS.
                let noted = sqlx::query("UPDATE outbox SET sent_via = 'wechat' WHERE id = $1")
                    .bind(outgoing.id)
                    .execute(self.store.writer())
                    .await;
                if let Err(error) = noted {
                    tracing::warn!(outbox_id = outgoing.id, error = %error, "sent by wechat, not noted");
                }
                Ok(true)
            }
            Err(error) if error.not_subscribed() => {
                accounts::none_left(&self.store, user_id, kind).await.map_err(store_error)?;
                Ok(false)
            }
            Err(error) => {
                // Not the resident's doing: their allowance is kept for the next message.
                accounts::subscribed(&self.store, user_id, &[kind]).await.map_err(store_error)?;
                Err(error)
            }
        }
    }
}

#[async_trait]
impl SmsSender for WechatFirst {
    async fn send(&self, outgoing: &Outgoing) -> Result<Option<String>, SendError> {
        let template = outgoing.message.as_ref().and_then(|m| Some((m, self.api.config().templates.get(&m.template)?)));
        if let Some((message, template)) = template {
            match self.by_wechat(outgoing, message, template).await {
                Ok(true) => return Ok(None),
                Ok(false) => {}
                Err(error) => tracing::warn!(outbox_id = outgoing.id, error = %error, "wechat refused; sent by sms"),
            }
        }
        self.sms.send(outgoing).await
    }
}

/// The template's fields, each with its parameter's value cut to what WeChat takes for its kind
/// (a `thing` 20 characters, a `phrase` 5, a `name` 10, the rest 32).
fn data(template: &SubscriptionTemplate, message: &Message) -> Value {
    let mut data = Map::new();
    for (field, param) in &template.fields {
        let value = message.params.get(param).map(String::as_str).unwrap_or_default();
        let most = match field.trim_end_matches(|c: char| c.is_ascii_digit()) {
            "thing" => 20,
            "phrase" => 5,
            "name" => 10,
            _ => 32,
        };
        let cut: String = if value.chars().count() > most {
            value.chars().take(most - 1).chain(['…']).collect()
        } else {
            value.to_owned()
        };
        data.insert(field.clone(), json!({ "value": cut }));
    }
    Value::Object(data)
}
