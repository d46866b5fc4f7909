//! Assisted service: a lawyer, assistant or staff member books a consultation or asks a question
//! for a resident who walked in or phoned, in a community the helper serves, with the
//! resident's consent (a code read back, or the helper's word that they agreed on the phone or
//! at the desk). The booking or question is the resident's from then on: it is in their 我的
//! when they sign in, their SMS tell them, and their 个人信息 shows who acted for them and how.
//! The board counts both as assisted.

use crate::audit;
use crate::auth::AuthService;
use crate::booking::{BookingService, Helper};
use crate::caller::Caller;
use crate::failure::Failure;
use crate::questions::QuestionsService;
use crate::scope::desk::serves;
use crate::store::Store;
use app::domain::{required_text, MAX_DESCRIPTION_CHARS};
use app::error::{AppError, ErrorKind};
use app::model::{AssistedBooking, AssistedQuestion, BookingView, ForResident, QuestionThread};

/// What acting for a resident needs: their account, and the services that book and ask.
#[derive(Clone)]
pub struct AssistedService {
    store: Store,
    auth: AuthService,
    booking: BookingService,
    questions: QuestionsService,
}

impl AssistedService {
    /// Acting for residents through these services.
    pub fn new(store: Store, auth: AuthService, booking: BookingService, questions: QuestionsService) -> Self {
        AssistedService { store, auth, booking, questions }
    }
}

/// The helper, once they may act in `community_id` for the resident of `who`, and that resident
/// with their language. A community the helper does not serve: 404, before any code is used.
async fn resident(
    state: &AssistedService,
    caller: &Caller,
    community_id: i64,
    who: &ForResident,
) -> Result<(i64, i64, app::i18n::Lang), Failure> {
    let helper = caller.user()?.id;
    if !serves(&state.store, caller, community_id).await? {
        return Err(caller.error(ErrorKind::NotFound).into());
    }
    let (resident, lang) = state.auth.consenting_resident(caller, who).await?;
    Ok((helper, resident, lang))
}

/// `assisted/book`: books for the resident as they would book themselves (the same slots, seats,
/// cap and SMS), recorded as assisted.
pub async fn book(state: &AssistedService, caller: &Caller, request: AssistedBooking) -> Result<BookingView, Failure> {
    let who = &request.resident;
    // Checked before the resident's account may be made: bad input changes nothing.
    required_text(&request.booking.description, MAX_DESCRIPTION_CHARS)
        .map_err(|_| AppError::invalid("description", caller.lang.messages().err_description))?;
    let (helper, resident, lang) = resident(state, caller, request.booking.community_id, who).await?;
    let by = Helper { user_id: helper, consent: who.consent, lang };
    let view = state.booking.book_for(caller, resident, request.booking, Some(by)).await?;
    let subject = format!("booking:{}", view.id);
    audit::record_access(&state.store, caller, helper, ("assisted_booking", &subject), resident, who.consent.as_str())
        .await?;
    Ok(view)
}

/// `assisted/ask`: asks for the resident, to the community named (required), recorded as
/// assisted. Attachments are refused: the files are the resident's to add once signed in.
pub async fn ask(
    state: &AssistedService,
    caller: &Caller,
    request: AssistedQuestion,
) -> Result<QuestionThread, Failure> {
    let t = caller.lang.messages();
    let who = &request.resident;
    let Some(community_id) = request.question.community_id else {
        return Err(AppError::invalid("community_id", t.err_choose_community).into());
    };
    if !request.question.attachments.is_empty() {
        return Err(AppError::invalid("attachments", t.err_too_many_attachments).into());
    }
    crate::questions::check_question(caller, &request.question)?;
    let (helper, resident, _) = resident(state, caller, community_id, who).await?;
    let helped = Some((helper, who.consent));
    let thread = crate::questions::ask_for(&state.questions, caller, resident, request.question, helped).await?;
    let subject = format!("question:{}", thread.question.id);
    audit::record_access(&state.store, caller, helper, ("assisted_question", &subject), resident, who.consent.as_str())
        .await?;
    Ok(thread)
}
