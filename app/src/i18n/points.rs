//! Service points' strings: the page the server renders for staff, the board's sentence and the
//! errors. Server-only: no front end's wasm carries them.

texts! {
    /// Service points' strings.
    PointTexts {
        title: "入园入企服务点", "Service points in parks and enterprises";
        intro: "工业园区、企业等场所可设为服务点，与社区一样安排值班、接受预约、登记服务；在园区和企业开展的法治宣传按街道年度目标统计。", "Industrial parks, enterprises and other places can be service points: duty, bookings and service records work as in a community, and lectures at parks and enterprises count against each street's yearly target.";
        year: "年度", "Year";
        show: "查看", "Show";
        street: "街道", "Street";
        name: "服务点名称", "Name";
        kind: "类型", "Kind";
        kind_park: "工业园区", "Industrial park";
        kind_enterprise: "企业", "Enterprise";
        kind_other: "其他场所", "Other place";
        address: "服务地点", "Address";
        add: "新增服务点", "Add the service point";
        lectures: "法治宣传(场)", "Lectures";
        target: "年度目标(场)", "Yearly target";
        save_target: "保存目标", "Save the target";
        none: "暂无服务点", "No service points yet";
        summary_line: "本年度入园入企法治宣传{lectures}场，年度目标{target}场。", " This year, {lectures} lectures were given in parks and enterprises against a yearly target of {target}.";
        err_kind: "请选择服务点类型：工业园区、企业或其他场所", "Choose the kind: an industrial park, an enterprise or another place";
        err_target: "目标须为0至10000场，年度为今年或明年", "The target is 0 to 10,000, for this year or the next";
        err_year: "请选择2000年至明年之间的年度", "Choose a year from 2000 to next year";
    }
}
