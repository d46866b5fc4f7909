//! 在线咨询 on the workbench: the queue of questions waiting for the caller, coloured by their
//! deadline, and one question's thread with what the lawyer can do: claim, answer, ask for more,
//! close, record a referral, publish a de-identified common question; staff reassign.

use super::labels;
use super::log::FIELD;
use crate::api::call;
use crate::api::directory::GetCommunity;
use crate::api::questions::{
    AnswerQuestion, ClaimQuestion, CloseQuestion, GetQuestion, InspectQuestion, PublishFaq, QuestionQueue,
    ReassignQuestion, RequestInformation,
};
use crate::domain::{QuestionStatus, RouteStep};
use crate::model::{
    CommunityRequest, Empty, InspectRequest, PublishFaqRequest, QuestionReply, QuestionRequest, QuestionSummary,
    QuestionThread, ReassignRequest,
};
use crate::ui::components::{error_note, loaded, page_title};
use crate::ui::load::load;
use crate::ui::platform::now_ms;
use crate::ui::router::{percent_encode, query_param, use_location};
use crate::ui::submit::Submit;
use crate::ui::{use_prefs, use_session};
use leptos::prelude::*;

#[component]
pub fn QuestionsPage() -> impl IntoView {
    let prefs = use_prefs();
    let location = use_location();
    let selected = Memo::new(move |_| query_param(&location.query.get(), "id").and_then(|id| id.parse::<i64>().ok()));
    view! {
        {page_title(prefs.desk().questions_title)}
        {move || match selected.get() {
            Some(id) => view! { <Thread id /> }.into_any(),
            None => view! { <Queue /> }.into_any(),
        }}
    }
}

/// The questions waiting, most urgent first.
#[component]
fn Queue() -> impl IntoView {
    let prefs = use_prefs();
    let t = prefs.desk();
    let queue = load(|| call::<QuestionQueue>(Empty {}));
    view! {
        {move || loaded(queue.get(), move |list| if list.is_empty() {
            view! { <p class="text-muted">{t.questions_none}</p> }.into_any()
        } else {
            view! { <ul class="space-y-2">{list.into_iter().map(row).collect_view()}</ul> }.into_any()
        })}
    }
}

/// How urgent a question is: past its deadline, due within four hours, or in time.
fn urgency(q: &QuestionSummary, now: i64) -> (&'static str, &'static str) {
    let t = use_prefs().desk();
    let left = q.deadline_at.0 - now;
    if q.status != QuestionStatus::Waiting || q.first_answer_at.is_some() {
        ("border-line", "")
    } else if left < 0 {
        ("border-danger", t.questions_overdue)
    } else if left < 4 * 3_600_000 {
        ("border-amber-500", t.questions_due_soon)
    } else {
        ("border-line", "")
    }
}

fn row(q: QuestionSummary) -> impl IntoView {
    let prefs = use_prefs();
    let t = prefs.desk();
    let (border, flag) = urgency(&q, now_ms());
    let hours = (now_ms() - q.created_at.0).max(0) / 3_600_000;
    view! {
        <li class=format!("rounded-lg border-2 bg-surface p-3 {border}")>
            <a href=format!("/desk/questions?id={}", q.id) class="font-bold text-brand underline">{q.title}</a>
            <p class="text-sm">{format!("{} · {} · {}", q.community, q.category.label(prefs.t()), status(q.status))}</p>
            <p class="text-sm text-muted">
                {format!("{} {hours} h · {} {}", t.questions_waited, t.questions_deadline, q.deadline_at.format_shanghai())}
                {(!flag.is_empty()).then(|| view! { <strong class="ml-2 text-danger">{flag}</strong> })}
            </p>
        </li>
    }
}

/// A route step in the reader's language.
fn step(step: RouteStep) -> &'static str {
    let t = use_prefs().desk();
    match step {
        RouteStep::A => t.role_a,
        RouteStep::B => t.role_b,
        RouteStep::Coordinator => t.role_coordinator,
        RouteStep::Street => t.board_street,
    }
}

fn status(status: QuestionStatus) -> &'static str {
    let t = use_prefs().desk();
    match status {
        QuestionStatus::Waiting => t.question_waiting,
        QuestionStatus::Answered => t.question_answered,
        QuestionStatus::NeedsInfo => t.question_needs_info,
        QuestionStatus::Closed => t.question_closed,
    }
}

/// One question: staff first say why they open it (the resident sees who, when and why).
#[component]
fn Thread(id: i64) -> impl IntoView {
    let t = use_prefs().desk();
    let session = use_session();
    let staff = move || session.me.get().is_some_and(|me| me.role.is_staff());
    let written = RwSignal::new(String::new());
    let reason = RwSignal::new(None::<String>);
    view! {
        {move || staff().then(|| view! {
            <form class="my-3 flex flex-wrap items-end gap-2" on:submit=move |e| { e.prevent_default(); reason.set(Some(written.get_untracked())); }>
                <label class="flex flex-1 flex-col">{t.questions_reason}<input class=FIELD maxlength="200" bind:value=written /></label>
                <button class="min-h-11 rounded-lg bg-brand px-4 font-bold text-white">{t.questions_open}</button>
            </form>
        })}
        {move || match (session.known.get(), staff(), reason.get()) {
            (false, _, _) | (_, true, None) => None,
            (_, _, given) => Some(view! { <Opened id reason=given /> }),
        }}
    }
}

/// The question and what can be done with it; `reason`, why staff opened it.
#[component]
fn Opened(id: i64, reason: Option<String>) -> impl IntoView {
    let prefs = use_prefs();
    let t = prefs.desk();
    let version = RwSignal::new(0u32);
    let asked = reason.clone();
    let thread = load(move || {
        version.track();
        let reason = asked.clone();
        async move {
            match reason {
                Some(reason) => call::<InspectQuestion>(InspectRequest { question_id: id, reason }).await,
                None => call::<GetQuestion>(QuestionRequest { question_id: id }).await,
            }
        }
    });
    let why = StoredValue::new(reason.map(|r| format!("&reason={}", percent_encode(&r))).unwrap_or_default());
    let after = move |answer: &Result<QuestionThread, crate::error::AppError>| {
        if answer.is_ok() {
            version.update(|v| *v += 1)
        }
    };
    let text = RwSignal::new(String::new());
    let claim = Submit::new(move |(): &()| call::<ClaimQuestion>(QuestionRequest { question_id: id })).then(after);
    let answer = Submit::new(move |(): &()| {
        call::<AnswerQuestion>(QuestionReply { question_id: id, body: text.get_untracked() })
    })
    .then(move |a| {
        after(a);
        if a.is_ok() {
            text.set(String::new())
        }
    });
    let more = Submit::new(move |(): &()| {
        call::<RequestInformation>(QuestionReply { question_id: id, body: text.get_untracked() })
    })
    .then(move |a| {
        after(a);
        if a.is_ok() {
            text.set(String::new())
        }
    });
    let close = Submit::new(move |(): &()| call::<CloseQuestion>(QuestionRequest { question_id: id })).then(after);
    view! {
        <a href="/desk/questions" class="text-brand underline">{t.questions_back}</a>
        {move || loaded(thread.get(), move |q| {
            let waiting = q.question.status != QuestionStatus::Closed;
            let answered = q.question.first_answer_at.is_some();
            view! {
                <h2 class="mb-1 mt-3 text-xl font-bold">{q.question.title.clone()}</h2>
                <p class="text-sm">{format!("{} · {} · {}", q.question.community, q.question.category.label(prefs.t()), status(q.question.status))}</p>
                <p class="text-sm">{t.questions_resident}" "{q.resident_phone.clone()}</p>
                <ol class="my-3 space-y-2">
                    {q.messages.iter().map(|m| {
                        let lawyer = m.from_lawyer();
                        view! {
                            <li class="rounded-lg border border-line bg-surface p-3" class=("border-l-4", lawyer) class=("border-l-brand", lawyer)>
                                <p class="text-sm text-muted">{format!("{} · {}", m.author, m.created_at.format_shanghai())}</p>
                                {match m.lawyer_html() {
                                    Some(html) => view! { <div class="prose" inner_html=html.into_string()></div> }.into_any(),
                                    None => view! { <p class="whitespace-pre-wrap">{m.body.clone()}</p> }.into_any(),
                                }}
                            </li>
                        }
                    }).collect_view()}
                </ol>
                {(!q.attachments.is_empty()).then(|| view! {
                    <ul class="mb-3 list-disc pl-5">
                        {q.attachments.iter().map(|f| view! {
                            <li><a class="text-brand underline" rel="external" target="_blank" href=format!("/files/{}?inline=1{}", f.token, why.read_value())>{f.name.clone()}</a></li>
                        }).collect_view()}
                    </ul>
                })}
                {waiting.then(|| view! {
                    <section class="space-y-2 rounded-lg border border-line bg-surface p-3">
                        {q.question.claimed_by.is_none().then(|| view! {
                            <button class="min-h-11 rounded-lg border-2 border-brand px-3 font-bold text-brand" on:click=move |_| claim.dispatch(())>{t.questions_claim}</button>
                        })}
                        <label class="block"><span class="text-sm font-bold">{t.questions_reply}</span>
                            <textarea class=FIELD rows="6" maxlength="3000" bind:value=text></textarea></label>
                        <div class="flex flex-wrap gap-2">
                            <button class="min-h-11 rounded-lg bg-brand px-4 font-bold text-white" on:click=move |_| answer.dispatch(())>{t.questions_answer}</button>
                            <button class="min-h-11 rounded-lg border-2 border-brand px-3 font-bold text-brand" on:click=move |_| more.dispatch(())>{t.questions_more}</button>
                            <button class="min-h-11 rounded-lg border-2 border-line px-3" on:click={
                                let community = q.question.community_id;
                                move |_| text.update(|t| {
                                    if !t.is_empty() {
                                        t.push_str("\n\n");
                                    }
                                    t.push_str(&prefs.desk().questions_booking_text.replace("{id}", &community.to_string()));
                                })
                            }>{t.questions_suggest_booking}</button>
                            {(q.question.status == QuestionStatus::Answered).then(|| view! {
                                <button class="min-h-11 rounded-lg border-2 border-line px-3" on:click=move |_| close.dispatch(())>{t.questions_close}</button>
                            })}
                        </div>
                        {move || claim.value().get().and_then(Result::err).map(error_note)}
                        {move || answer.value().get().and_then(Result::err).map(error_note)}
                        {move || more.value().get().and_then(Result::err).map(error_note)}
                        {move || close.value().get().and_then(Result::err).map(error_note)}
                    </section>
                })}
                <Referral id />
                {(answered && q.may_publish).then(|| view! { <Publish id q=q.clone() /> })}
                <Reassign id community_id=q.question.community_id version />
                <h3 class="mb-1 mt-4 font-bold">{t.questions_route}</h3>
                <ul class="text-sm text-muted">
                    {q.routes.iter().map(|r| view! {
                        <li>{format!("{} · {} · {} · {}", r.at.format_shanghai(), step(r.step), r.lawyer.clone().unwrap_or_default(), labels::route_reason(prefs.lang.get_untracked(), &r.reason))}</li>
                    }).collect_view()}
                </ul>
            }.into_any()
        })}
    }
}

/// Refers the question to legal aid, mediation or a notary: the form is the server's page.
#[component]
fn Referral(id: i64) -> impl IntoView {
    let prefs = use_prefs();
    let session = use_session();
    move || {
        session.me.get().and_then(|me| me.lawyer_id).map(|_| {
            view! {
                <a href=format!("/referrals/new?question={id}") rel="external" class="mt-3 inline-flex min-h-11 items-center rounded-lg border-2 border-line px-3">
                    {prefs.desk().questions_refer}
                </a>
            }
        })
    }
}

/// Publishes a de-identified version as a common question (the resident allowed it).
#[component]
fn Publish(id: i64, q: QuestionThread) -> impl IntoView {
    let prefs = use_prefs();
    let t = prefs.desk();
    let title = RwSignal::new(q.question.title.clone());
    let question = RwSignal::new(q.messages.first().map(|m| m.body.clone()).unwrap_or_default());
    let answer = RwSignal::new(String::new());
    let publish = Submit::new(move |(): &()| {
        call::<PublishFaq>(PublishFaqRequest {
            question_id: id,
            title: title.get_untracked(),
            question: question.get_untracked(),
            answer: answer.get_untracked(),
        })
    });
    view! {
        <details class="mt-3 rounded-lg border border-line bg-surface p-3">
            <summary class="min-h-11 cursor-pointer py-2 font-bold">{t.questions_publish}</summary>
            <p class="text-sm text-muted">{t.questions_publish_note}</p>
            <label class="block"><span class="text-sm font-bold">{t.article_title}</span><input class=FIELD maxlength="100" bind:value=title /></label>
            <label class="block"><span class="text-sm font-bold">{t.questions_faq_question}</span><textarea class=FIELD rows="4" bind:value=question></textarea></label>
            <label class="block"><span class="text-sm font-bold">{t.questions_faq_answer}</span><textarea class=FIELD rows="6" bind:value=answer></textarea></label>
            <button class="mt-2 min-h-11 rounded-lg bg-brand px-4 font-bold text-white" on:click=move |_| publish.dispatch(())>{t.questions_publish}</button>
            {move || publish.value().get().map(|r| match r {
                Ok(_) => view! { <p role="status" class="text-sm">{t.questions_published}</p> }.into_any(),
                Err(e) => error_note(e).into_any(),
            })}
        </details>
    }
}

/// Staff hand the question to a lawyer of its community's team.
#[component]
fn Reassign(id: i64, community_id: i64, version: RwSignal<u32>) -> impl IntoView {
    let prefs = use_prefs();
    let t = prefs.desk();
    let session = use_session();
    let staff = move || session.me.get().is_some_and(|me| me.role.is_staff());
    let team = load(move || call::<GetCommunity>(CommunityRequest { community_id }));
    let chosen = RwSignal::new(String::new());
    let reassign = Submit::new(move |(): &()| {
        call::<ReassignQuestion>(ReassignRequest {
            question_id: id,
            lawyer_id: chosen.get_untracked().parse().unwrap_or_default(),
        })
    })
    .then(move |a| {
        if a.is_ok() {
            version.update(|v| *v += 1)
        }
    });
    view! {
        {move || staff().then(|| view! {
            <section class="mt-3 flex flex-wrap items-end gap-2">
                <label class="block"><span class="text-sm font-bold">{t.questions_reassign}</span>
                    <select class=FIELD bind:value=chosen>
                        <option value="">"—"</option>
                        {move || team.get().and_then(Result::ok).map(|c| c.lawyers.into_iter().map(|l| view! {
                            <option value=l.lawyer_id.to_string()>{l.name}</option>
                        }).collect_view())}
                    </select>
                </label>
                <button class="min-h-11 rounded-lg border-2 border-brand px-3 font-bold text-brand" on:click=move |_| reassign.dispatch(())>{t.questions_reassign}</button>
                {move || reassign.value().get().and_then(Result::err).map(error_note)}
            </section>
        })}
    }
}
