// Online questions: the ask form keeps its draft (and the key that makes sending it twice ask
// once) on the phone until the question is sent, uploads attachments with a progress bar; a
// thread's follow-up, accept and rating go through the portal's JSON API.
(() => {
  const $ = (id) => document.getElementById(id);
  const problem = (box, text) => {
    $("problem").textContent = text || box.dataset.offline;
    $("problem").hidden = false;
  };
  const post = async (path, body) => {
    try {
      const response = await fetch("/api/" + path, {
        method: "POST",
        headers: { "Content-Type": "application/json" },
        body: JSON.stringify(body),
      });
      let answer = {};
      try {
        answer = await response.json();
      } catch {}
      return { ok: response.ok, answer };
    } catch {
      return { ok: false, answer: {} };
    }
  };

  const ask = $("ask");
  if (ask) {
    const KEY = "fai.question-draft";
    const saved = JSON.parse(localStorage.getItem(KEY) || "null");
    const draft = saved || { key: "q" + Date.now().toString(36) + Math.random().toString(36).slice(2), files: [] };
    const fields = ["category", "special_group", "title", "body"];
    const keep = () => {
      for (const f of fields) draft[f] = $(f).value;
      draft.may_publish = $("may_publish").checked;
      localStorage.setItem(KEY, JSON.stringify(draft));
    };
    // Each attached file can be taken off the draft again (an upload left for more than a day
    // is gone from the server, and the question could not be sent with it).
    const showFiles = () => {
      $("attached").replaceChildren(
        ...draft.files.map((f, i) => {
          const li = document.createElement("li");
          const remove = document.createElement("button");
          remove.type = "button";
          remove.textContent = ask.dataset.remove;
          remove.setAttribute("aria-label", ask.dataset.remove + " " + f.name);
          remove.addEventListener("click", () => {
            draft.files.splice(i, 1);
            keep();
            showFiles();
          });
          li.append(f.name + " ", remove);
          return li;
        }),
      );
    };
    for (const f of fields) if (draft[f] !== undefined) $(f).value = draft[f];
    $("may_publish").checked = !!draft.may_publish;
    showFiles();
    ask.addEventListener("input", keep);

    const upload = (file) =>
      new Promise((resolve) => {
        const xhr = new XMLHttpRequest();
        xhr.open("POST", "/api/files/upload?name=" + encodeURIComponent(file.name));
        xhr.upload.onprogress = (e) => {
          if (!e.lengthComputable) return;
          const percent = Math.round((e.loaded / e.total) * 100);
          $("progress").value = percent;
          $("percent").textContent = percent;
        };
        xhr.onloadend = () => {
          let answer = {};
          try {
            answer = JSON.parse(xhr.responseText);
          } catch {}
          resolve({ ok: xhr.status === 201, answer });
        };
        xhr.send(file);
      });

    $("attach").addEventListener("change", async (event) => {
      $("problem").hidden = true;
      const picked = [...event.target.files];
      event.target.value = "";
      if (draft.files.length + picked.length > Number(ask.dataset.files)) return problem(ask, ask.dataset.tooMany);
      for (const file of picked) {
        if (file.size > Number(ask.dataset.max)) return problem(ask, ask.dataset.tooLarge);
        $("status").hidden = false;
        $("progress").hidden = false;
        const { ok, answer } = await upload(file);
        $("status").hidden = true;
        $("progress").hidden = true;
        if (!ok) return problem(ask, answer.message);
        draft.files.push({ token: answer.token, name: answer.name });
        keep();
        showFiles();
      }
    });

    ask.addEventListener("submit", async (event) => {
      event.preventDefault();
      keep();
      $("problem").hidden = true;
      const { ok, answer } = await post("questions/ask", {
        client_key: draft.key,
        category: draft.category,
        title: draft.title,
        body: draft.body,
        attachments: draft.files.map((f) => f.token),
        consent: $("consent").checked,
        may_publish: draft.may_publish,
        special_group: draft.special_group || null,
      });
      if (!ok) return problem(ask, answer.message);
      localStorage.removeItem(KEY);
      location.assign("/questions/" + answer.question.id);
    });
  }

  const act = $("act");
  if (act) {
    const question_id = Number(act.dataset.question);
    const done = ({ ok, answer }) => (ok ? location.reload() : problem(act, answer.message));
    const follow = $("follow");
    if (follow) {
      follow.addEventListener("submit", async (event) => {
        event.preventDefault();
        done(await post("questions/follow-up", { question_id, body: $("more").value }));
      });
    }
    const rate = $("rate");
    if (rate) {
      rate.addEventListener("submit", async (event) => {
        event.preventDefault();
        const rating = Number(new FormData(rate).get("rating"));
        done(await post("questions/rate", { question_id, rating }));
      });
    }
    act.addEventListener("click", async (event) => {
      if (event.target.dataset.action === "accept") done(await post("questions/accept", { question_id }));
    });
  }
})();
