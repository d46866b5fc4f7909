//! Referrals' strings: the pages the server renders for residents, lawyers and receiving
//! bodies, and the errors and messages about them. Server-only: no front end's wasm carries them.

texts! {
    /// Referrals' strings.
    ReferralTexts {
        title_queue: "转介受理", "Referrals received";
        title_new: "转介", "Refer";
        title_sent: "我转介的事项", "Referrals I made";
        withdraw: "撤回转介", "Withdraw";
        none_mine: "暂无转介。律师认为需要法律援助、调解或公证时，会在这里请您确认。", "No referrals. When a lawyer suggests legal aid, mediation or a notary, you confirm it here.";
        none_queue: "暂无转介", "No referrals";
        kind_legal_aid: "法律援助", "Legal aid";
        kind_mediation: "人民调解", "Mediation";
        kind_notary: "公证", "Notary";
        status_awaiting_consent: "待居民确认", "Waiting for the resident's consent";
        status_sent: "已转交，待受理", "Sent, waiting for an answer";
        status_accepted: "已受理", "Accepted";
        status_declined: "未受理", "Declined";
        status_closed: "已办结", "Closed";
        status_withdrawn: "已撤回", "Withdrawn";
        outcome_aid_granted: "给予法律援助", "Legal aid granted";
        outcome_aid_refused: "不予法律援助", "Legal aid refused";
        outcome_agreed: "调解成功", "Mediated to agreement";
        outcome_not_agreed: "调解未成", "No agreement";
        outcome_notarised: "已办理公证", "Notarised";
        outcome_not_notarised: "未办理公证", "Not notarised";
        green_channel: "绿色通道", "Priority";
        to: "转介至", "To";
        facts: "事实与请求", "Facts and what is asked";
        documents: "移交材料", "Documents handed over";
        lawyer: "转介律师", "Referring lawyer";
        community: "社区", "Community";
        resident: "当事人", "Resident";
        phone: "联系电话", "Phone";
        written: "转介时间", "Referred";
        sent: "转交时间", "Sent";
        answered: "答复时间", "Answered";
        closed: "办结时间", "Closed";
        due: "应于此前答复", "Answer due by";
        overdue: "已超期", "Overdue";
        reason: "原因", "Reason";
        outcome: "办理结果", "Outcome";
        note: "说明", "Note";
        consent_ask: "同意后，律师填写的事实、所选材料和您的姓名、电话将转交给受理机构，仅用于办理此事。", "If you agree, the facts the lawyer wrote, the documents chosen and your name and phone go to the receiving body, for this matter only.";
        agree: "同意转交", "Agree";
        refuse: "不同意", "Do not agree";
        accept: "受理", "Accept";
        decline: "不予受理", "Decline";
        record_outcome: "登记办理结果", "Record the outcome";
        from_question: "来自咨询", "From the question";
        from_booking: "来自预约", "From the booking";
        send: "提交转介(待居民确认)", "Refer (the resident confirms)";
        err_facts: "请填写事实与请求(不超过2000字)", "Write the facts and what is asked (up to 2,000 characters)";
        err_note: "说明不超过2000字", "The note is up to 2,000 characters";
        err_source: "请指明来自哪一咨询或预约(只能一个)", "Name the question or the booking it comes from (one of them)";
        err_organisation: "该机构不存在、已停止受理或不受理该社区的事项", "That body does not exist, no longer takes referrals or does not serve this community";
        err_documents: "只能移交该事项中居民本人的材料(最多10份)", "Only the resident's own documents of this matter can be handed over (up to 10)";
        err_not_open: "该转介当前不能进行此操作", "This referral cannot be changed that way now";
        err_outcome_kind: "该结果不属于此类转介", "That outcome is not one of this kind of referral";
        title_organisations: "受理机构", "Receiving bodies";
        add_organisation: "新增受理机构", "Add a receiving body";
        kind: "类别", "Kind";
        name: "名称", "Name";
        serves: "服务范围", "Serves";
        whole_district: "全区", "The whole district";
        close_body: "停止受理", "Stop taking referrals";
        reopen_body: "恢复受理", "Take referrals again";
        closed_body: "已停止受理", "No longer takes referrals";
        accounts: "账号", "Accounts";
        add_account: "新增账号", "Add an account";
        desk_consent_hint: "居民在场时：先发送确认码到居民手机，居民告知后填入下方“居民确认码”，转介提交后即时转交；否则居民在“我的”中确认。", "If the resident is with you: send a code to their phone and enter the code they read back below; the referral is then handed over at once. Otherwise they agree in “Me”.";
        send_consent_code: "发送确认码", "Send a code";
        consent_code_sent: "确认码已发送至", "Code sent to";
        consent_code: "居民确认码(居民在场时)", "The resident's code (if they are with you)";
        api_keys: "对接系统密钥", "Partner systems' API keys";
        issue_key: "签发密钥", "Issue a key";
        key_name: "对接系统名称", "Partner system";
        scope_read: "读取转介", "Read referrals";
        scope_write: "受理与办结转介", "Answer and close referrals";
        revoke_key: "吊销", "Revoke";
        revoked_key: "已吊销", "Revoked";
        key_last_used: "最近使用", "Last used";
        key_never_used: "尚未使用", "Not used yet";
        key_secret_once: "请立即复制此密钥交给对接系统，它只显示这一次：", "Copy this key to the partner system now; it is shown only this once:";
        login: "登录名", "Login";
        display_name: "显示名称", "Name shown";
        account_phone: "手机号(可选)", "Mobile number (optional)";
        password: "初始密码(至少10位)", "First password (at least 10 characters)";
        disabled: "已停用", "Disabled";
        application: "经济状况(法律援助预申请)", "Financial circumstances (legal-aid pre-application)";
        household: "家庭人口", "People in the household";
        monthly_income: "家庭月收入(元)", "Household income a month (yuan)";
        per_person: "人均", "per person";
        hardship: "困难类别", "Hardship";
        hardship_low_income: "低保户", "Receives the minimum living allowance";
        hardship_destitute: "特困供养人员", "Supported as extremely poor";
        err_application: "经济状况仅用于法律援助：家庭人口1至20人，月收入0至1000万元", "Financial circumstances are for legal aid only: 1 to 20 people, an income of 0 to 10 million yuan a month";
        err_organisation_name: "请填写机构名称(不超过50字)", "Give the body's name (up to 50 characters)";
        err_no_organisation: "您的账户未关联受理机构，请联系管理员", "Your account belongs to no receiving body; ask an administrator";
    }
}

use crate::domain::{Hardship, ReferralKind, ReferralOutcome, ReferralStatus};

impl ReferralTexts {
    /// Where a referral of `kind` goes.
    pub fn kind(&self, kind: ReferralKind) -> &'static str {
        match kind {
            ReferralKind::LegalAid => self.kind_legal_aid,
            ReferralKind::Mediation => self.kind_mediation,
            ReferralKind::Notary => self.kind_notary,
        }
    }

    /// Where it stands.
    pub fn status(&self, status: ReferralStatus) -> &'static str {
        match status {
            ReferralStatus::AwaitingConsent => self.status_awaiting_consent,
            ReferralStatus::Sent => self.status_sent,
            ReferralStatus::Accepted => self.status_accepted,
            ReferralStatus::Declined => self.status_declined,
            ReferralStatus::Closed => self.status_closed,
            ReferralStatus::Withdrawn => self.status_withdrawn,
        }
    }

    /// What came of it.
    pub fn outcome(&self, outcome: ReferralOutcome) -> &'static str {
        match outcome {
            ReferralOutcome::AidGranted => self.outcome_aid_granted,
            ReferralOutcome::AidRefused => self.outcome_aid_refused,
            ReferralOutcome::Agreed => self.outcome_agreed,
            ReferralOutcome::NotAgreed => self.outcome_not_agreed,
            ReferralOutcome::Notarised => self.outcome_notarised,
            ReferralOutcome::NotNotarised => self.outcome_not_notarised,
        }
    }

    /// A hardship's name.
    pub fn hardship(&self, hardship: Hardship) -> &'static str {
        match hardship {
            Hardship::LowIncome => self.hardship_low_income,
            Hardship::Destitute => self.hardship_destitute,
        }
    }
}
