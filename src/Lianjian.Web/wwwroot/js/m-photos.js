// Progressive enhancement for the phone forms; every form works without it.
// Photos: preview, and shrink large camera pictures to JPEG ≤ 1600 px before upload (slow island networks).
// Forms marked data-once: the submit button is disabled after the first tap (the server's request id covers the rest).
(function () {
  var MAX_SIDE = 1600, QUALITY = 0.82, SHRINK_ABOVE = 800 * 1024;

  function shrink(file) {
    if (!/^image\/(jpeg|png|webp)$/.test(file.type) || file.size <= SHRINK_ABOVE || !window.createImageBitmap) return Promise.resolve(file);
    return createImageBitmap(file).then(function (bitmap) {
      var scale = Math.min(1, MAX_SIDE / Math.max(bitmap.width, bitmap.height));
      var canvas = document.createElement('canvas');
      canvas.width = Math.round(bitmap.width * scale);
      canvas.height = Math.round(bitmap.height * scale);
      canvas.getContext('2d').drawImage(bitmap, 0, 0, canvas.width, canvas.height);
      return new Promise(function (resolve) {
        canvas.toBlob(function (blob) {
          resolve(blob && blob.size < file.size ? new File([blob], file.name.replace(/\.\w+$/, '') + '.jpg', { type: 'image/jpeg' }) : file);
        }, 'image/jpeg', QUALITY);
      });
    }).catch(function () { return file; });
  }

  document.querySelectorAll('input[type=file][data-photos]').forEach(function (input) {
    var max = parseInt(input.getAttribute('data-photos'), 10) || 6;
    var preview = input.parentElement.querySelector('[data-photo-preview]');
    var form = input.form;
    input.addEventListener('change', function () {
      var files = Array.prototype.slice.call(input.files || []);
      if (files.length > max) {
        alert('最多只能上传' + max + '张照片，已保留前' + max + '张。');
        files = files.slice(0, max);
      }
      var button = form && form.querySelector('[type=submit]');
      if (button) button.disabled = true;
      Promise.all(files.map(shrink)).then(function (shrunk) {
        if (window.DataTransfer) {
          try {
            var dt = new DataTransfer();
            shrunk.forEach(function (f) { dt.items.add(f); });
            input.files = dt.files;
          } catch (e) { /* keep the originals */ }
        }
        if (preview) {
          preview.innerHTML = '';
          shrunk.forEach(function (f) {
            var img = document.createElement('img');
            img.alt = f.name;
            img.src = URL.createObjectURL(f);
            preview.appendChild(img);
          });
        }
      }).finally(function () { if (button) button.disabled = false; });
    });
  });

  document.querySelectorAll('form[data-once]').forEach(function (form) {
    form.addEventListener('submit', function () {
      var button = form.querySelector('[type=submit]');
      if (!button) return;
      setTimeout(function () { button.disabled = true; button.textContent = '正在提交…'; }, 0);
    });
  });
})();
