//! The strings both front ends show.

texts! {
    /// The strings both front ends show.
    Texts {
        app_name: "法i社区", "Fa-i Community";
        tagline: "一社区一法律顾问 · 免费法律服务", "A lawyer for every community · free legal help";
        loading: "加载中…", "Loading…";
        back: "返回", "Back";

        tab_home: "首页", "Home";
        tab_booking: "预约", "Book";
        tab_questions: "咨询", "Ask";
        tab_library: "资料", "Library";
        tab_me: "我的", "Me";

        nav_desk: "工作台", "Desk";

        home_my_community: "我的社区", "My community";
        home_pick_community: "选择您所在的社区，找到您的社区法律顾问", "Choose your community to find its legal adviser";
        home_communities_count: "个社区", "communities";
        home_services: "免费服务：法律咨询 · 法治宣传 · 矛盾纠纷调处 · 出具法律意见", "Free services: legal advice · legal education · dispute mediation · legal opinions";
        community_team: "法律顾问团队", "Legal adviser team";
        community_office: "办公地点：", "Office: ";
        community_set_mine: "设为我的社区", "Make this my community";
        community_is_mine: "这是我的社区", "This is my community";
        community_none_assigned: "该社区暂未安排律师", "No lawyer is assigned to this community yet";
        role_a: "A角律师", "A lawyer";
        role_b: "B角律师", "B lawyer";
        role_coordinator: "统筹律师", "Coordinating lawyer";
        practice_areas: "擅长领域：", "Practice areas: ";
        languages: "语言：", "Languages: ";


        me_title: "我的", "Me";
        my_files: "我的资料", "My files";
        my_privacy: "个人信息", "My personal data";
        my_waitlist: "我的候补", "My waitlists";
        my_referrals: "我的转介", "My referrals";
        my_visits: "上门公证", "Notary home visits";
        my_feedback: "表扬与投诉", "Praise and complaints";
        sign_in_consent: "登录即同意", "Signing in, you accept the ";
        privacy_notice: "《隐私说明》", "privacy notice";
        articles: "普法文章", "Legal education";
        me_signed_in_as: "已登录", "Signed in as";
        me_sign_in: "登录", "Sign in";
        me_sign_out: "退出登录", "Sign out";
        inbox: "消息", "Messages";
        me_settings: "显示设置", "Display";
        me_language: "语言 / Language", "Language / 语言";
        me_large_text: "大字模式", "Large text";
        me_high_contrast: "高对比度", "High contrast";

        sign_in_title: "登录", "Sign in";
        sign_in_staff: "律师 / 工作人员", "Lawyer / staff";
        phone_label: "手机号", "Mobile number";
        phone_placeholder: "11位手机号", "11-digit mobile number";
        code_label: "验证码", "Code";
        code_placeholder: "6位数字", "6 digits";
        send_code: "获取验证码", "Send code";
        resend_in: "秒后可重新获取", "s until you can resend";
        code_sent: "验证码已发送，5分钟内有效", "Code sent; valid for 5 minutes";
        sign_in_submit: "登录", "Sign in";

        err_phone: "请输入正确的11位中国大陆手机号", "Enter a valid 11-digit mainland China mobile number";
        err_code_format: "验证码为6位数字", "The code is 6 digits";
        err_rate_limited: "操作太频繁，请稍后再试", "Too many requests; try again later";
        err_sign_in_required: "请先登录", "Please sign in first";
        err_forbidden: "您没有权限执行此操作", "You are not allowed to do this";
        err_not_found: "没有找到该内容", "Not found";
        err_bad_request: "请求格式不正确", "The request is malformed";
        err_too_large: "提交的内容过大", "The request is too large";
        err_conflict: "与现有记录冲突", "This conflicts with an existing record";
        err_internal: "服务暂时不可用，请稍后再试", "The service is unavailable; try again later";
        err_network: "网络连接失败，请检查网络后重试", "Network error; check your connection and retry";

        channel_in_person: "到社区当面咨询", "In person at the office";
        channel_phone: "电话咨询", "By phone";
        channel_video: "视频咨询", "By video";
        topic_labour: "劳动争议", "Employment dispute";
        topic_family: "婚姻家庭", "Marriage and family";
        topic_debt: "借贷纠纷", "Loans and debts";
        topic_tenancy: "房屋租赁", "Housing and tenancy";
        topic_traffic: "交通事故", "Traffic accident";
        topic_consumer: "消费维权", "Consumer rights";
        topic_neighbours: "邻里纠纷", "Neighbour dispute";
        topic_other: "其他", "Other";
        status_pending: "待律师确认", "Waiting for the lawyer";
        status_confirmed: "已确认", "Confirmed";
        status_declined: "律师未能接受", "Declined";
        status_cancelled: "已取消", "Cancelled";
        status_completed: "已完成", "Completed";
        status_no_show: "未到场", "Missed";

        book_title: "预约律师", "Book a lawyer";
        book_pick_community: "请先选择您的社区", "Choose your community first";
        book_no_slots: "近两周暂无可预约时段", "No free times in the next two weeks";
        book_seats_left: "余", "left:";
        book_channel: "咨询方式", "How";
        book_topic: "咨询类别", "Topic";
        book_description: "简要说明您的问题", "Describe your question briefly";
        book_submit: "确认预约", "Book";
        book_sign_in_first: "登录后即可预约", "Sign in to book";
        book_code: "预约码", "Booking code";
        book_show_slip: "到场时请出示此页面或预约码", "Show this page or the code at the office";
        book_join_video: "加入视频咨询", "Join the video consultation";
        book_video_later: "视频咨询开始前15分钟，会议链接会出现在这里", "The meeting link appears here 15 minutes before the consultation";
        book_add_calendar: "加入日历", "Add to calendar";
        my_bookings: "我的预约", "My bookings";
        my_upcoming: "即将到来", "Upcoming";
        my_past: "历史预约", "Past";
        my_none: "暂无预约", "No bookings";
        cancel: "取消预约", "Cancel booking";
        cancel_reason: "取消原因", "Reason for cancelling";
        reschedule: "改约", "Reschedule";
        rate: "评价", "Rate";
        rate_comment: "评价内容(选填)", "Comment (optional)";
        rated: "已评价", "Rated";
        submit: "提交", "Submit";
        lawyer_label: "律师", "Lawyer";
        when_label: "时间", "When";
        where_label: "地点", "Where";

        duty_days: "值班时间：", "Duty hours: ";

        waitlist_join: "已约满，加入候补", "Full: join the waitlist";
        waitlist_joined: "已加入候补，排在第", "On the waitlist, position";
        slot_full: "已满", "Full";
    }
}
