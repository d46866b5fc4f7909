//! The resident a worker acts for (assisted service): found by their number, or given an account
//! as their first sign-in would, once their consent holds. A consent code is a code of its own
//! purpose: it never signs anyone in, so a resident who reads it out hands over nothing else.

use super::codes::Purpose;
use super::{code_error, parse_code, parse_phone, users, AuthService};
use crate::caller::Caller;
use crate::failure::Failure;
use app::domain::{PhoneNumber, Role};
use app::error::{AppError, ErrorKind};
use app::i18n::Lang;
use app::model::{CodeSent, Consent, ConsentCodeRequest, ForResident};

impl AuthService {
    /// `assisted/consent-code`: a code to the resident's phone, for them to read back. The
    /// sign-in code's limits apply, with a budget of their own per number.
    pub async fn send_consent_code(&self, caller: &Caller, request: ConsentCodeRequest) -> Result<CodeSent, Failure> {
        let phone = parse_phone(caller, &request.phone)?;
        self.send_consent(caller, &phone).await
    }

    /// A consent code to `phone`. The resident's language may not be known yet: the message
    /// goes out in the helper's.
    async fn send_consent(&self, caller: &Caller, phone: &PhoneNumber) -> Result<CodeSent, Failure> {
        let ip = caller.client_ip.map(|ip| ip.to_string());
        self.codes
            .send(phone, Purpose::Consent, ip.as_deref(), caller.lang)
            .await
            .map_err(|e| code_error(caller, e))?;
        Ok(CodeSent { phone_masked: phone.masked(), resend_after_secs: super::codes::RESEND_AFTER_SECS })
    }

    /// The resident of `who.phone` and their language, once their consent holds: a code they
    /// read back (checked and used up), or the helper's word that they agreed on the phone or at
    /// the desk. A number of a worker's account: 409; a disabled account: 403. A resident with no
    /// account gets one.
    pub async fn consenting_resident(&self, caller: &Caller, who: &ForResident) -> Result<(i64, Lang), Failure> {
        let phone = parse_phone(caller, &who.phone)?;
        if who.consent == Consent::Code {
            let code = parse_code(caller, &who.code)?;
            self.codes.verify(&phone, Purpose::Consent, &code).await.map_err(|e| code_error(caller, e))?;
        }
        let t = caller.lang.messages();
        match users::by_phone(&self.store, &phone).await? {
            Some(user) if user.role != Role::Resident => Err(AppError {
                field: Some("phone".into()),
                ..AppError::new(ErrorKind::Conflict, t.err_not_a_resident)
            }
            .into()),
            Some(user) if user.disabled => Err(AppError::new(ErrorKind::Forbidden, t.err_account_disabled).into()),
            Some(user) => Ok((user.id, user.lang)),
            None => Ok((users::create_resident(&self.store, &phone, Lang::Zh).await?, Lang::Zh)),
        }
    }

    /// A consent code to resident `resident`'s own phone, for a worker who sees only its masked
    /// form (a referral at the desk). No number on the account: 422.
    pub async fn send_consent_code_to(&self, caller: &Caller, resident: i64) -> Result<CodeSent, Failure> {
        let phone = self.resident_phone(caller, resident).await?;
        self.send_consent(caller, &phone).await
    }

    /// Checks (and uses up) the consent code resident `resident` read back; 422 on `code` when it
    /// is not theirs, wrong or expired.
    pub async fn verify_consent_code_of(&self, caller: &Caller, resident: i64, code: &str) -> Result<(), Failure> {
        let code = parse_code(caller, code)?;
        let phone = self.resident_phone(caller, resident).await?;
        self.codes.verify(&phone, Purpose::Consent, &code).await.map_err(|e| code_error(caller, e))
    }

    async fn resident_phone(&self, caller: &Caller, resident: i64) -> Result<PhoneNumber, Failure> {
        let user = users::by_id(&self.store, resident).await?;
        user.filter(|u| u.role == Role::Resident && !u.disabled)
            .and_then(|u| u.phone)
            .ok_or_else(|| AppError::invalid("code", caller.lang.messages().err_no_phone_for_code).into())
    }
}
