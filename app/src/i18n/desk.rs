//! The workbench's own strings.

texts! {
    /// The workbench's own strings.
    DeskTexts {
        nav_communities: "社区", "Communities";
        nav_coverage: "覆盖情况", "Coverage";
        figure_streets: "街道", "Streets";
        figure_communities: "社区", "Communities";
        figure_active_lawyers: "在岗律师", "Lawyers on duty rosters";
        figure_without_a_lawyer: "未安排A角律师的社区：", "Communities without an A lawyer:";
        sign_in_resident: "居民", "Resident";
        login_label: "登录名或手机号", "Login name or mobile number";
        password_label: "密码", "Password";
        second_factor_prompt: "已向您的手机发送验证码，请输入以完成登录", "We sent a code to your phone; enter it to finish signing in";
        err_login_empty: "请输入登录名和密码", "Enter your login and password";
        desk_bookings: "预约处理", "Bookings";
        desk_confirm: "确认", "Confirm";
        desk_decline: "婉拒", "Decline";
        desk_complete: "已完成咨询", "Completed";
        desk_no_show: "未到场", "No-show";
        desk_reason: "原因", "Reason";
        desk_none: "暂无预约", "No bookings";
        duty_title: "值班安排", "Duty schedule";
        leave_title: "请假(期间预约转交后备律师)", "Leave (bookings go to the backup lawyer)";
        leave_from: "开始日期", "First day";
        leave_to: "结束日期", "Last day";
        service_consultation: "法律咨询", "Legal consultation";
        service_publicity: "法治宣传", "Legal publicity / lecture";
        service_mediation: "矛盾纠纷调处", "Dispute mediation";
        service_legal_opinion: "出具法律意见", "Legal opinion";
        service_referral_legal_aid: "转介法律援助", "Referral to legal aid";
        service_referral_mediation: "转介人民调解", "Referral to people's mediation";
        service_referral_notary: "转介公证", "Referral to notary";
        leave_saved: "已登记。转交后备律师 / 无人接替的预约：", "Recorded. Bookings moved to the backup / with nobody to take them:";
    }
}
