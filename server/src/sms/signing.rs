//! The two providers' request signatures, each exactly as its documentation specifies, tested
//! against the worked example in that documentation.

use base64::Engine;
use hmac::{Hmac, Mac};
use percent_encoding::{utf8_percent_encode, AsciiSet, NON_ALPHANUMERIC};
use sha2::{Digest, Sha256};
use std::collections::BTreeMap;

/// RFC 3986: everything but letters, digits and `-_.~` is percent-encoded (a space as `%20`,
/// `*` as `%2A`), as Alibaba Cloud's RPC signature asks.
const RFC3986: &AsciiSet = &NON_ALPHANUMERIC.remove(b'-').remove(b'_').remove(b'.').remove(b'~');

/// Percent-encodes `text` for an Alibaba Cloud RPC request.
pub fn encode(text: &str) -> String {
    utf8_percent_encode(text, RFC3986).to_string()
}

/// The query of `params` in key order, each key and value encoded: what is sent and what is signed.
pub fn canonical_query(params: &BTreeMap<String, String>) -> String {
    params.iter().map(|(k, v)| format!("{}={}", encode(k), encode(v))).collect::<Vec<_>>().join("&")
}

/// Alibaba Cloud's RPC signature (version 1.0, HMAC-SHA1) of `params` sent with `method`:
/// `METHOD&%2F&<encoded canonical query>`, keyed with the secret and `&`, in base64.
pub fn aliyun_signature(method: &str, params: &BTreeMap<String, String>, secret: &str) -> String {
    let to_sign = format!("{method}&{}&{}", encode("/"), encode(&canonical_query(params)));
    let mut mac = Hmac::<sha1::Sha1>::new_from_slice(format!("{secret}&").as_bytes()).expect("any key length");
    mac.update(to_sign.as_bytes());
    base64::engine::general_purpose::STANDARD.encode(mac.finalize().into_bytes())
}

/// `secs` since the epoch as `YYYY-MM-DDTHH:MM:SSZ`, the UTC time Alibaba Cloud's `Timestamp` asks.
pub fn utc_timestamp(secs: i64) -> String {
    let date = app::time::LocalDate::from_days(secs.div_euclid(86_400));
    let second = secs.rem_euclid(86_400);
    format!("{date}T{:02}:{:02}:{:02}Z", second / 3600, second / 60 % 60, second % 60)
}

fn hmac_sha256(key: &[u8], text: &str) -> Vec<u8> {
    let mut mac = Hmac::<Sha256>::new_from_slice(key).expect("any key length");
    mac.update(text.as_bytes());
    mac.finalize().into_bytes().to_vec()
}

/// A Tencent Cloud API 3.0 request to sign (TC3-HMAC-SHA256, a JSON POST to `/`).
pub struct Tc3<'a> {
    /// `SecretId`.
    pub secret_id: &'a str,
    /// `SecretKey`.
    pub secret_key: &'a str,
    /// The service, `sms`.
    pub service: &'a str,
    /// The host the request goes to.
    pub host: &'a str,
    /// Unix seconds, also sent as `X-TC-Timestamp`.
    pub timestamp: i64,
    /// The JSON body, exactly as sent.
    pub payload: &'a str,
}

/// The `Content-Type` a TC3 JSON request is signed with and sent with.
pub const TC3_CONTENT_TYPE: &str = "application/json; charset=utf-8";

impl Tc3<'_> {
    /// The `Authorization` header: the canonical request (method, URI, empty query, the
    /// `content-type` and `host` headers, the payload's SHA-256), the string to sign with its
    /// UTC date scope, and the key derived from `TC3<key>` through date, service and `tc3_request`.
    pub fn authorization(&self) -> String {
        let canonical = format!(
            "POST\n/\n\ncontent-type:{TC3_CONTENT_TYPE}\nhost:{}\n\ncontent-type;host\n{}",
            self.host,
            hex::encode(Sha256::digest(self.payload.as_bytes()))
        );
        let date = app::time::LocalDate::from_days(self.timestamp.div_euclid(86_400)).to_string();
        let scope = format!("{date}/{}/tc3_request", self.service);
        let to_sign = format!(
            "TC3-HMAC-SHA256\n{}\n{scope}\n{}",
            self.timestamp,
            hex::encode(Sha256::digest(canonical.as_bytes()))
        );
        let key = hmac_sha256(format!("TC3{}", self.secret_key).as_bytes(), &date);
        let key = hmac_sha256(&key, self.service);
        let key = hmac_sha256(&key, "tc3_request");
        let signature = hex::encode(hmac_sha256(&key, &to_sign));
        format!(
            "TC3-HMAC-SHA256 Credential={}/{scope}, SignedHeaders=content-type;host, Signature={signature}",
            self.secret_id
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The worked example of Alibaba Cloud SMS's signature documentation (SendSms, 2017-05-25).
    #[test]
    fn aliyun_signs_its_documented_example() {
        let params: BTreeMap<String, String> = [
            ("AccessKeyId", "testId"),
            ("Action", "SendSms"),
            ("Format", "XML"),
            ("OutId", "123"),
            ("PhoneNumbers", "15300000001"),
            ("RegionId", "cn-hangzhou"),
            ("SignName", "阿里云短信测试专用"),
            ("SignatureMethod", "HMAC-SHA1"),
            ("SignatureNonce", "45e25e9b-0a6f-4070-8c85-2956eda1b466"),
            ("SignatureVersion", "1.0"),
            ("TemplateCode", "SMS_71390007"),
            ("TemplateParam", r#"{"customer":"test"}"#),
            ("Timestamp", "2017-07-12T02:42:19Z"),
            ("Version", "2017-05-25"),
        ]
        .into_iter()
        .map(|(k, v)| (k.to_owned(), v.to_owned()))
        .collect();
        assert!(canonical_query(&params).starts_with("AccessKeyId=testId&Action=SendSms&Format=XML&OutId=123"));
        assert!(canonical_query(&params)
            .contains("TemplateParam=%7B%22customer%22%3A%22test%22%7D&Timestamp=2017-07-12T02%3A42%3A19Z"));
        assert_eq!(aliyun_signature("GET", &params, "testSecret"), "zJDF+Lrzhj/ThnlvIToysFRq6t4=");
        assert_eq!(encode("a b*~"), "a%20b%2A~");
        assert_eq!(utc_timestamp(1_499_827_339), "2017-07-12T02:42:19Z");
    }

    /// The worked example of Tencent Cloud's signature v3 documentation (cvm DescribeInstances).
    #[test]
    fn tencent_signs_its_documented_example() {
        let request = Tc3 {
            secret_id: "AKIDz8krbsJ5yKBZQpn74WFkmLPx3*******",
            secret_key: "Gu5t9xGARNpq86cd98joQYCN3*******",
            service: "cvm",
            host: "cvm.tencentcloudapi.com",
            timestamp: 1_551_113_065,
            payload: r#"{"Limit": 1, "Filters": [{"Values": ["\u672a\u547d\u540d"], "Name": "instance-name"}]}"#,
        };
        assert_eq!(
            request.authorization(),
            "TC3-HMAC-SHA256 Credential=AKIDz8krbsJ5yKBZQpn74WFkmLPx3*******/2019-02-25/cvm/tc3_request, \
             SignedHeaders=content-type;host, Signature=2230eefd229f582d8b1b891af7107b91597240707d778ab3738f756258d7652c"
        );
    }
}
