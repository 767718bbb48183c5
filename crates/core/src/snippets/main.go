// Go, standard library only. The key is read from the environment, never written here.
package main

import (
	"bytes"
	"encoding/json"
	"fmt"
	"net/http"
	"os"
)

func main() {
	body, _ := json.Marshal(map[string]any{
		"user":            map[string]any{"distinctId": "user-42", "role": "explorer", "attributes": map[string]any{"region": "EMEA"}},
		"permissions":     map[string][]string{"dashboard": {"can_view"}},
		"lifetimeSeconds": 3600,
		// The web address of the page that shows the dashboard (the key may be limited to it).
		"origin": "{{ORIGIN}}",
	})
	request, _ := http.NewRequest("POST", "{{SERVER}}/embed/generate-token", bytes.NewReader(body))
	request.Header.Set("x-api-key", os.Getenv("TOUCAN_API_KEY"))
	request.Header.Set("content-type", "application/json")
	reply, err := http.DefaultClient.Do(request)
	if err != nil {
		panic(err)
	}
	defer reply.Body.Close()
	var issued struct{ Token string }
	if reply.StatusCode != http.StatusOK || json.NewDecoder(reply.Body).Decode(&issued) != nil {
		panic(fmt.Sprintf("Toucan refused: %s", reply.Status))
	}
	fmt.Println(issued.Token)
}
