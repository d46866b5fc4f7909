//! Emergency teams' strings: the pages the server renders for staff and lawyers, the hub of
//! server pages the desk links to, and the errors. Server-only: no front end's wasm carries them.

texts! {
    /// Emergency teams' strings.
    IncidentTexts {
        title: "应急法律服务队", "Emergency legal teams";
        title_mine: "我的应急任务", "My emergency assignments";
        intro: "发生群体性纠纷(如欠薪)时，组建律师服务队赴现场服务；队员的服务记入事件所在社区，并单列统计。", "When a mass dispute (such as unpaid wages) breaks out, a team of lawyers is formed and sent to it; the members' services count for the community where it happens and on a line of their own.";
        open: "组建服务队", "Form a team";
        name: "事件名称", "Incident";
        community: "所在社区", "Community";
        opened_on: "组建日期", "Formed on";
        note: "情况说明", "What happened";
        lawyers: "队员律师(可多选)", "Team lawyers (choose several)";
        team: "队员", "Team";
        save_team: "保存队员", "Save the team";
        close: "结束任务", "Close";
        closed_on: "结束日期", "Last day";
        open_now: "进行中", "Open";
        closed: "已结束", "Closed";
        figures: "服务{services}件，{people}人次", "{services} services, {people} people";
        none: "暂无应急任务", "No incidents";
        record: "登记服务", "Log a service";
        category: "服务类型", "Kind of service";
        served_on: "服务日期", "Date";
        people: "服务人次", "People served";
        summary: "服务内容", "What was done";
        services: "服务件数", "Services";
        recorded: "已登记", "Logged";
        summary_line: "期内应急法律服务队{teams}支，服务{services}件、{people}人次。", " In the period {teams} emergency teams gave {services} services to {people} people.";
        hub_title: "年度与专项工作", "The year's and special work";
        err_name: "请填写事件名称(不超过60字)", "Name the incident (up to 60 characters)";
        err_note: "情况说明不超过500字", "The note is up to 500 characters";
        err_date: "日期须为近92天内且不晚于今天", "The date must be within the last 92 days and not after today";
        err_lawyers: "请选择1至30名在册律师，不可重复", "Choose 1 to 30 lawyers on the register, each once";
        err_member_logged: "已登记服务的队员不能移出", "A member who logged a service stays on the team";
        err_closed: "该任务已结束", "That incident is closed";
        err_closed_on: "结束日期须在组建日期之后且不晚于今天", "The last day must be on or after the day it was formed and not after today";
        err_outside: "服务日期须在任务期间内", "The service must fall within the incident's days";
    }
}
