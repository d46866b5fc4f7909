//! The workbench's strings for serving a resident who walked in or phoned.

texts! {
    /// The workbench's strings for assisted service.
    AssistTexts {
        nav_assist: "代办", "For a resident";
        title: "为来访或来电居民代为预约、提问", "Book or ask for a resident who came in or phoned";
        hint: "居民登录“我的”后即可看到，短信也会通知居民。", "The resident finds it in Me when they sign in, and gets the SMS.";
        phone: "居民手机号", "Resident's mobile number";
        consent: "居民如何同意代办", "How the resident agreed";
        consent_desk: "居民在窗口当面同意", "At the desk, in person";
        consent_phone: "居民在电话中同意", "On the phone";
        consent_code: "居民告知短信验证码", "They read back a code we text them";
        send_code: "发送验证码", "Text the code";
        code_sent: "验证码已发送至", "Code sent to";
        code: "居民告知的验证码", "The code they read back";
        book: "代为预约", "Book";
        ask: "代为提问", "Ask";
        community: "社区", "Community";
        slot: "时间", "Time";
        no_slots: "两周内没有可预约的时间", "No free time in the next two weeks";
        question_title: "问题标题", "Title";
        question_body: "问题内容", "The question";
        told: "已告知居民哪些人能看到问题", "The resident was told who will see the question";
        booked: "已预约，预约码", "Booked. Code";
        asked: "已提交问题", "Question sent";
    }
}
