<?php
// A Riset.ai Face API client (e2e fixture).

function recognise(array $body): string
{
    $data = ['status' => $body['status'] ?? '', 'status_message' => '', 'trx_id' => 't1'];
    if ($data['status'] == '412') {
        return 'no face in the picture';
    }
    http_response_code(404);
    return 'ok';
}
?>
<p>Port 8080, build 2024.</p>
