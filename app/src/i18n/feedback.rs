//! Praise and complaints' strings: the pages the server renders for residents and staff, and the
//! errors and messages about them. Server-only: no front end's wasm carries them.

texts! {
    /// Praise and complaints' strings.
    FeedbackTexts {
        title: "表扬与投诉", "Praise and complaints";
        title_staff: "表扬与投诉处理", "Praise and complaints";
        intro: "对近180天内的咨询或答复，您可以表扬律师，也可以投诉。投诉将由司法所或司法局处理并答复您。", "You can praise a lawyer, or complain, about a consultation or answer of the last 180 days. Complaints are handled and answered by the justice office or bureau.";
        matter: "咨询或答复", "Consultation or answer";
        kind: "类型", "Type";
        praise: "表扬", "Praise";
        complaint: "投诉", "Complaint";
        body: "表扬内容或事情经过", "Your praise, or what happened";
        wanted: "投诉请求(您希望如何处理)", "What you want done (complaints)";
        send: "提交", "Send";
        mine: "我的表扬与投诉", "My praise and complaints";
        none_mine: "暂无表扬或投诉", "No praise or complaints";
        none_matters: "近180天内没有可以评价的咨询或答复", "No consultation or answer of the last 180 days to speak of";
        none_staff: "暂无表扬或投诉", "No praise or complaints";
        status_received: "已收到", "Received";
        status_open: "待处理", "Open";
        status_handled: "已答复", "Answered";
        channel_online: "线上", "Online";
        channel_letter: "感谢信", "Letter of thanks";
        channel_banner: "锦旗", "Banner";
        lawyer: "律师", "Lawyer";
        community: "社区", "Community";
        resident: "居民", "Resident";
        reply: "答复", "Reply";
        send_reply: "答复并办结", "Reply and close";
        record: "登记感谢信或锦旗", "Record a letter of thanks or a banner";
        received_on: "收到日期", "Received on";
        note: "内容或赠送人", "What it says, or who sent it";
        save: "登记", "Record";
        err_body: "请填写内容(不超过1000字)", "Write it (up to 1,000 characters)";
        err_wanted: "投诉请写明您的请求(不超过500字)", "Say what you want done (up to 500 characters)";
        err_matter: "请选择一次您本人近180天内的咨询或已答复的提问(只能一个)", "Choose one of your own consultations or answered questions of the last 180 days";
        err_reply: "请填写答复(不超过1000字)", "Write the reply (up to 1,000 characters)";
        err_not_open: "该投诉已答复", "That complaint is already answered";
        err_thanks: "请选择感谢信或锦旗、该社区的律师，并填写不晚于今天的日期和内容(不超过1000字)", "Choose a letter or a banner and a lawyer of the community, and give a date not after today and what it says (up to 1,000 characters)";
        notice_replied: "您的投诉已有答复", "Your complaint has been answered";
    }
}
