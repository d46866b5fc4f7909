// 我的资料 (/me/files): uploads the picked file with a progress bar, shares it into the
// resident's folder, and deletes files, through the portal's JSON API; then shows the page anew.
(() => {
  const $ = (id) => document.getElementById(id);
  const form = $("upload");
  const problem = (text) => {
    $("problem").textContent = text || form.dataset.offline;
    $("problem").hidden = false;
  };
  const post = (path, body) =>
    fetch("/api/" + path, {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify(body),
    });
  const messageOf = async (response) => {
    try {
      return (await response.json()).message;
    } catch {
      return "";
    }
  };
  const busy = (on) => {
    $("status").hidden = !on;
    $("progress").hidden = !on;
    $("file").disabled = on;
  };

  $("file").addEventListener("change", (event) => {
    const file = event.target.files[0];
    if (!file) return;
    $("problem").hidden = true;
    // Refused before a byte is sent: a weak network should not carry a file that cannot stay.
    if (file.size > Number(form.dataset.max)) {
      event.target.value = "";
      problem(form.dataset.tooLarge);
      return;
    }
    busy(true);
    const xhr = new XMLHttpRequest();
    xhr.open("POST", "/api/files/upload?name=" + encodeURIComponent(file.name));
    xhr.upload.onprogress = (e) => {
      if (!e.lengthComputable) return;
      const percent = Math.round((e.loaded / e.total) * 100);
      $("progress").value = percent;
      $("percent").textContent = percent;
    };
    xhr.onloadend = async () => {
      event.target.value = "";
      let answer = {};
      try {
        answer = JSON.parse(xhr.responseText);
      } catch {}
      if (xhr.status !== 201) {
        busy(false);
        problem(answer.message);
        return;
      }
      const booking = Number($("matter").value) || null;
      const shared = await post("files/share", { token: answer.token, booking_id: booking }).catch(() => null);
      if (shared && shared.ok) {
        location.reload();
      } else {
        busy(false);
        problem(shared && (await messageOf(shared)));
      }
    };
    xhr.send(file);
  });

  document.addEventListener("click", async (event) => {
    const token = event.target.dataset && event.target.dataset.delete;
    if (!token) return;
    const response = await post("files/delete", { token }).catch(() => null);
    if (response && response.ok) location.reload();
    else problem(response && (await messageOf(response)));
  });
})();
