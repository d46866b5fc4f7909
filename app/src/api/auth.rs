//! Sign-in and sign-out.

use crate::error::AppError;
use crate::model::{
    CodeSent, CodeSignInRequest, Empty, Me, PasswordSignIn, PasswordSignInRequest, SecondFactorRequest, SendCodeRequest,
};
use leptos::server;
#[cfg(feature = "ssr")]
use {
    crate::domain::{OneTimeCode, PhoneNumber},
    crate::error::ErrorKind,
    crate::ports::{self, set_session_cookie, Caller},
};

#[cfg(feature = "ssr")]
fn parse_phone(caller: &Caller, input: &str) -> Result<PhoneNumber, AppError> {
    PhoneNumber::parse(input).map_err(|_| AppError::invalid("phone", caller.lang.texts().err_phone))
}

#[cfg(feature = "ssr")]
fn parse_code(caller: &Caller, input: &str) -> Result<OneTimeCode, AppError> {
    OneTimeCode::parse(input).map_err(|_| AppError::invalid("code", caller.lang.texts().err_code_format))
}

/// Sends a six-digit sign-in code to a mainland mobile number.
#[server(prefix = "/api", endpoint = "auth/send-code", input = server_fn::codec::Json)]
pub async fn send_sign_in_code(#[server(flatten)] request: SendCodeRequest) -> Result<CodeSent, AppError> {
    let (ports, caller) = ports::current()?;
    let phone = parse_phone(&caller, &request.phone)?;
    ports.auth.send_code(&caller, &phone).await
}

/// Signs a resident in with the code, creating their account on first use.
#[server(prefix = "/api", endpoint = "auth/sign-in-code", input = server_fn::codec::Json)]
pub async fn sign_in_with_code(#[server(flatten)] request: CodeSignInRequest) -> Result<Me, AppError> {
    let (ports, caller) = ports::current()?;
    let phone = parse_phone(&caller, &request.phone)?;
    let code = parse_code(&caller, &request.code)?;
    let grant = ports.auth.sign_in_with_code(&caller, &phone, &code).await?;
    set_session_cookie(&caller, Some(&grant));
    grant.me.ok_or_else(|| caller.error(ErrorKind::Internal))
}

/// Signs a lawyer, assistant or staff member in with a password.
#[server(prefix = "/api", endpoint = "auth/sign-in-password", input = server_fn::codec::Json)]
pub async fn sign_in_with_password(
    #[server(flatten)] request: PasswordSignInRequest,
) -> Result<PasswordSignIn, AppError> {
    let (ports, caller) = ports::current()?;
    let login = request.login.trim();
    if login.is_empty() || request.password.is_empty() || login.len() > 64 || request.password.len() > 256 {
        return Err(AppError::invalid("login", crate::i18n::DeskTexts::of(caller.lang).err_login_empty));
    }
    let grant = ports.auth.sign_in_with_password(&caller, login, &request.password).await?;
    set_session_cookie(&caller, Some(&grant));
    Ok(match (grant.me, grant.second_factor_phone) {
        (Some(me), _) => PasswordSignIn::SignedIn { me },
        (None, Some(phone_masked)) => PasswordSignIn::SecondFactorSent { phone_masked },
        (None, None) => return Err(caller.error(ErrorKind::Internal)),
    })
}

/// Completes a password sign-in with the code sent to the account's phone.
#[server(prefix = "/api", endpoint = "auth/second-factor", input = server_fn::codec::Json)]
pub async fn complete_second_factor(#[server(flatten)] request: SecondFactorRequest) -> Result<Me, AppError> {
    let (ports, caller) = ports::current()?;
    let code = parse_code(&caller, &request.code)?;
    let grant = ports.auth.complete_second_factor(&caller, &code).await?;
    set_session_cookie(&caller, Some(&grant));
    grant.me.ok_or_else(|| caller.error(ErrorKind::Internal))
}

/// Ends the session on this device.
#[server(prefix = "/api", endpoint = "auth/sign-out", input = server_fn::codec::Json)]
pub async fn sign_out(#[server(flatten)] _request: Empty) -> Result<(), AppError> {
    let (ports, caller) = ports::current()?;
    ports.auth.sign_out(&caller).await?;
    set_session_cookie(&caller, None);
    Ok(())
}
