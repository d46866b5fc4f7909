//! Sign-in and sign-out.

use super::endpoint::{endpoints, Access};
use crate::model::{
    CodeSent, CodeSignInRequest, Empty, Me, PasswordSignIn, PasswordSignInRequest, SecondFactorRequest, SendCodeRequest,
};

endpoints! {
    /// Sends a six-digit sign-in code to a mainland mobile number.
    SendSignInCode = "auth/send-code", SendCodeRequest => CodeSent, Access::Anyone;

    /// Signs a resident in with the code, creating their account on first use.
    SignInWithCode = "auth/sign-in-code", CodeSignInRequest => Me, Access::Anyone;

    /// Signs a lawyer, assistant or staff member in with a password.
    SignInWithPassword = "auth/sign-in-password", PasswordSignInRequest => PasswordSignIn, Access::Anyone;

    /// Completes a password sign-in with the code sent to the account's phone.
    CompleteSecondFactor = "auth/second-factor", SecondFactorRequest => Me, Access::Anyone;

    /// Ends the session on this device.
    SignOut = "auth/sign-out", Empty => (), Access::Anyone;
}
